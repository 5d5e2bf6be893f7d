import { z } from 'zod';
import { ACCOUNT_EVENT_KINDS } from '@grif/domain';
import { roleSchema } from './vocabulary';

/**
 * User administration (issue 10): accounts of the school, created with a one-time password, disabled with a
 * reason, and given roles only by appointment with an order number and date.
 */
/**
 * Text that is not blank. No trim() or case transform in these schemas: what the OpenAPI document says is exactly
 * what is accepted (a fuzzer's "invalid" body is invalid here too); the service trims and lower-cases after.
 */
const text = (max: number) => z.string().min(1).max(max).regex(/\S/, 'not blank');
const orderNumber = text(100).describe('The number of the school order (буйрук).');
const day = z.iso.date();

export const userViewSchema = z
  .object({
    id: z.string(),
    username: z.string().describe('Unique within the school.'),
    signInName: z.string().describe('What the person types to sign in: `username@schoolcode`.'),
    displayName: z.string(),
    email: z.string().nullable(),
    locale: z.string(),
    disabled: z.boolean(),
    disabledReason: z.string().nullable(),
    mustChangePassword: z.boolean().describe('Still on a one-time password.'),
    oneTimePasswordUntil: z.iso
      .datetime({ offset: true })
      .nullable()
      .describe('Until when the one-time password an administrator gave signs in (72 hours); null: none to expire.'),
    roles: z.array(roleSchema).describe('Roles of the appointments in force today.'),
    lastLoginAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'UserView' });
export type UserView = z.infer<typeof userViewSchema>;

export const createUserSchema = z
  .strictObject({
    username: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,59}$/, 'Latin letters, digits, . _ - (2 to 60)')
      .describe(
        'Latin letters (kept in lower case), digits, `.`, `_`, `-`; never `@` (it separates the school code at sign-in).',
      ),
    displayName: text(200),
    email: z.email().max(254).optional(),
    locale: z.enum(['ky', 'ru', 'en']).optional(),
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof createUserSchema>;

export const userCreatedSchema = z
  .object({
    user: userViewSchema,
    oneTimePassword: z.string().describe('Shown this once; the person must change it at first sign-in.'),
  })
  .meta({ id: 'UserCreated' });
export type UserCreated = z.infer<typeof userCreatedSchema>;

export const disableUserSchema = z.strictObject({ reason: text(500) }).meta({ id: 'DisableUserRequest' });
export type DisableUserRequest = z.infer<typeof disableUserSchema>;

export const passwordResetSchema = z
  .object({ oneTimePassword: z.string().describe('Shown this once; every session of the person has ended.') })
  .meta({ id: 'PasswordReset' });
export type PasswordReset = z.infer<typeof passwordResetSchema>;

export const appointmentViewSchema = z
  .object({
    id: z.string(),
    role: roleSchema,
    orderNumber: z.string(),
    orderDate: day,
    validFrom: day,
    validUntil: day.nullable().describe('The last day the role is held; null: until an order ends it.'),
    createdByName: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    endedByName: z.string().nullable(),
    endOrderNumber: z.string().nullable(),
    endOrderDate: day.nullable(),
  })
  .meta({ id: 'AppointmentView' });
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

export const appointSchema = z
  .strictObject({
    role: roleSchema,
    orderNumber,
    orderDate: day.describe('The date of the order: today or earlier.'),
    validFrom: day.optional().describe('The first day the role is held: the order date or later (default today).'),
  })
  .meta({ id: 'AppointRequest' });
export type AppointRequest = z.infer<typeof appointSchema>;

export const endAppointmentSchema = z
  .strictObject({
    orderNumber,
    orderDate: day.describe('The date of the order that ends it: today or earlier.'),
    validUntil: day
      .optional()
      .describe('The last day the role is held: yesterday (the default, the role ends at once) or later.'),
  })
  .meta({ id: 'EndAppointmentRequest' });
export type EndAppointmentRequest = z.infer<typeof endAppointmentSchema>;

export { ACCOUNT_EVENT_KINDS } from '@grif/domain';
export const accountEventViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ACCOUNT_EVENT_KINDS),
    reason: z.string().nullable().describe('Why it was disabled (only for `disabled`).'),
    byName: z.string().describe('Who did it.'),
    at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'AccountEventView' });
export type AccountEventView = z.infer<typeof accountEventViewSchema>;
