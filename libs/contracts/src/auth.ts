import { z } from 'zod';
import { roleSchema } from './vocabulary';

export const loginRequestSchema = z
  .strictObject({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const changePasswordRequestSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(1).max(256),
  })
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** The signed-in person, as `GET /api/me` and the login answer. */
export const meSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    schoolId: z.string(),
    roles: z.array(roleSchema).describe('Roles of the appointments in force today.'),
    locale: z.string(),
    mustChangePassword: z.boolean().describe('A one-time password must be changed before anything else.'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

/** The token is also set as the HttpOnly `grif_session` cookie. */
export const loginResponseSchema = z
  .object({ token: z.string(), user: meSchema, expiresAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof loginResponseSchema>;
