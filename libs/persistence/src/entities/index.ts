import { AppointmentSchema } from './appointment.entity';
import { DeadlineSchema } from './deadline.entity';
import { DocumentRecordSchema } from './document-record.entity';
import { IdempotencyRecordSchema } from './idempotency-record.entity';
import { JournalCounterSchema } from './journal-counter.entity';
import { OutboxMessageSchema } from './outbox-message.entity';
import { SchoolSchema } from './school.entity';
import { SessionSchema } from './session.entity';
import { UserSchema } from './user.entity';
import { WorkflowEventSchema } from './workflow-event.entity';
import { WorkflowInstanceSchema } from './workflow-instance.entity';
import {
  CabinetSchema,
  ClearanceSchema,
  MediaSchema,
  NomenclatureFileSchema,
  RoomSchema,
} from './records-office.entity';
import { CopyRecordSchema, IssueRecordSchema } from './journals.entity';
import { NotificationSchema } from './notification.entity';
import { ChainCheckpointSchema } from './chain-checkpoint.entity';
import { SchoolSettingSchema } from './school-setting.entity';
import { DailyDigestSchema } from './daily-digest.entity';
import { BreachCaseRecordSchema } from './breach-case.entity';
import { SharingSignalSchema } from './sharing-signal.entity';
import { LoginEventSchema } from './login-event.entity';
import { AccountEventSchema } from './account-event.entity';
import { ActRecordSchema, ActRevisionSchema, SignerCertificateSchema, SigningSessionSchema } from './act.entity';
import { RegisterSnapshotSchema } from './register-snapshot.entity';

export * from './appointment.entity';
export * from './deadline.entity';
export * from './document-record.entity';
export * from './idempotency-record.entity';
export * from './journal-counter.entity';
export * from './outbox-message.entity';
export * from './school.entity';
export * from './session.entity';
export * from './user.entity';
export * from './workflow-event.entity';
export * from './workflow-instance.entity';
export * from './records-office.entity';
export * from './journals.entity';
export * from './notification.entity';
export * from './chain-checkpoint.entity';
export * from './school-setting.entity';
export * from './daily-digest.entity';
export * from './act.entity';
export * from './breach-case.entity';
export * from './sharing-signal.entity';
export * from './login-event.entity';
export * from './account-event.entity';
export * from './register-snapshot.entity';

export const ENTITIES = [
  SchoolSchema,
  UserSchema,
  AppointmentSchema,
  SessionSchema,
  WorkflowInstanceSchema,
  WorkflowEventSchema,
  IdempotencyRecordSchema,
  OutboxMessageSchema,
  DeadlineSchema,
  DocumentRecordSchema,
  JournalCounterSchema,
  RoomSchema,
  CabinetSchema,
  NomenclatureFileSchema,
  ClearanceSchema,
  MediaSchema,
  IssueRecordSchema,
  CopyRecordSchema,
  NotificationSchema,
  ChainCheckpointSchema,
  SchoolSettingSchema,
  DailyDigestSchema,
  ActRecordSchema,
  ActRevisionSchema,
  SignerCertificateSchema,
  SigningSessionSchema,
  BreachCaseRecordSchema,
  SharingSignalSchema,
  LoginEventSchema,
  AccountEventSchema,
  RegisterSnapshotSchema,
];
