/** What the administrator does to an account (issue 10); roles are not here: they come by appointment. */
export const ACCOUNT_EVENT_KINDS = ['created', 'disabled', 'enabled', 'password_reset'] as const;
export type AccountEventKind = (typeof ACCOUNT_EVENT_KINDS)[number];
