import type { Role } from '@grif/domain';
import { z } from 'zod';

export const loginRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** The signed-in person, as `GET /api/me` and login answer. */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  schoolId: string;
  roles: Role[];
  locale: string;
  mustChangePassword: boolean;
}
