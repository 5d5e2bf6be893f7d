export const SESSION_COOKIE = 'grif_session';
