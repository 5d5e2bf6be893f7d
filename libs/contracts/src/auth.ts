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
    schoolName: z.string().describe("The person's school, as it was founded: the screens' heading shows it."),
    roles: z.array(roleSchema).describe('Roles of the appointments in force today.'),
    locale: z.string(),
    mustChangePassword: z.boolean().describe('A one-time password must be changed before anything else.'),
    runsInstall: z
      .boolean()
      .describe(
        'An administrator of the school Grif was installed for (the first founded): only they open the job queues ' +
          '(`/admin/queues`), which hold every school’s jobs.',
      ),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

/** `GET /api/install`: what the sign-in page may show before anyone signs in. */
export const installSchema = z
  .object({
    schoolName: z
      .string()
      .nullable()
      .describe(
        'The school the install was set up for (the first founded); null before the first start has founded one.',
      ),
  })
  .meta({ id: 'Install' });
export type Install = z.infer<typeof installSchema>;

/** The token is also set as the HttpOnly `grif_session` cookie. */
export const loginResponseSchema = z
  .object({ token: z.string(), user: meSchema, expiresAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

const LOGIN_OUTCOMES = ['success', 'bad_credentials', 'throttled', 'disabled', 'otp_expired'] as const;
export const loginOutcomeSchema = z
  .enum(LOGIN_OUTCOMES)
  .meta({ id: 'LoginOutcome', description: 'How a sign-in attempt ended.' });

/** `GET /api/security/logins`: the filters, all optional. */
export const loginLogQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional().describe('Attempts at or after this instant.'),
  to: z.iso.datetime({ offset: true }).optional().describe('Attempts at or before this instant.'),
  // Inline (not the component): a query parameter's schema cannot point into the components.
  outcome: z.enum(LOGIN_OUTCOMES).optional().describe('success, bad_credentials, throttled, disabled or otp_expired.'),
  username: z.string().trim().min(1).max(100).optional().describe('The name as typed, without case.'),
});
export type LoginLogQuery = z.infer<typeof loginLogQuerySchema>;

/** One sign-in attempt in the officer's log. */
export const loginLogEntrySchema = z
  .object({
    at: z.iso.datetime({ offset: true }),
    username: z.string().describe('As typed at the sign-in.'),
    displayName: z.string().nullable().describe("The account's person; null if none."),
    outcome: loginOutcomeSchema,
    client: z.string().describe('Browser, system and the address masked to its network.'),
  })
  .meta({ id: 'LoginLogEntry' });
export type LoginLogEntry = z.infer<typeof loginLogEntrySchema>;
export const loginLogSchema = z.array(loginLogEntrySchema);
