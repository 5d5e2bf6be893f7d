import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'grif:public';
/** No session needed (login, health, the API docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ALLOW_PENDING_PASSWORD = 'grif:allow-pending-password';
/** Reachable with a one-time password not yet changed (me, change password, logout). */
export const AllowPendingPassword = () => SetMetadata(ALLOW_PENDING_PASSWORD, true);
