/** Seconds a client should wait before it retries after a 503 (a database or Redis outage). */
export const RETRY_AFTER_S = 5;
