import { InitialSchema20261126 } from './20261126-initial-schema.migration';
import { OutboxDelivered20261127 } from './20261127-outbox-delivered.migration';
import { SchoolSettings20261128 } from './20261128-school-settings.migration';
import { MailAndDigests20261128 } from './20261128-mail-and-digests.migration';
import { ClearanceOrder20261129 } from './20261129-clearance-order.migration';
import { SignedActs20261130 } from './20261130-signed-acts.migration';
import { BreachCases20261201 } from './20261201-breach-cases.migration';
import { SessionClients20261201 } from './20261201-session-clients.migration';
import { LoginEvents20261202 } from './20261202-login-events.migration';
import { SchoolQualifiedUsers20261202 } from './20261202-school-qualified-users.migration';
import { AppendOnlyHistory20261203 } from './20261203-append-only-history.migration';
import { ScaleIndexes20261204 } from './20261204-scale-indexes.migration';
import { RegisterSnapshots20261204 } from './20261204-register-snapshots.migration';
import { InstanceEventCounts20261205 } from './20261205-instance-event-counts.migration';
import { OpenIssueLines20261206 } from './20261206-open-issue-lines.migration';
import { CarrierMarkEvents20261207 } from './20261207-carrier-mark-events.migration';
import { OneTimePasswordUntil20261208 } from './20261208-one-time-password-until.migration';
import { DocumentMarkedAt20261209 } from './20261209-document-marked-at.migration';
import { BatchMovesChecked20261210 } from './20261210-batch-moves-checked.migration';
import { CustodySnapshotsWithDestruction20261207 } from './20261207-custody-snapshots-with-destruction.migration';

/** Listed explicitly so the same list runs from ts (tests) and from dist (npm start). */
export const MIGRATIONS = [
  { name: 'InitialSchema20261126', class: InitialSchema20261126 },
  { name: 'OutboxDelivered20261127', class: OutboxDelivered20261127 },
  { name: 'SchoolSettings20261128', class: SchoolSettings20261128 },
  { name: 'MailAndDigests20261128', class: MailAndDigests20261128 },
  { name: 'ClearanceOrder20261129', class: ClearanceOrder20261129 },
  { name: 'SignedActs20261130', class: SignedActs20261130 },
  { name: 'BreachCases20261201', class: BreachCases20261201 },
  { name: 'SessionClients20261201', class: SessionClients20261201 },
  { name: 'LoginEvents20261202', class: LoginEvents20261202 },
  { name: 'SchoolQualifiedUsers20261202', class: SchoolQualifiedUsers20261202 },
  { name: 'AppendOnlyHistory20261203', class: AppendOnlyHistory20261203 },
  { name: 'ScaleIndexes20261204', class: ScaleIndexes20261204 },
  { name: 'RegisterSnapshots20261204', class: RegisterSnapshots20261204 },
  { name: 'InstanceEventCounts20261205', class: InstanceEventCounts20261205 },
  { name: 'OpenIssueLines20261206', class: OpenIssueLines20261206 },
  { name: 'CustodySnapshotsWithDestruction20261207', class: CustodySnapshotsWithDestruction20261207 },
  { name: 'CarrierMarkEvents20261207', class: CarrierMarkEvents20261207 },
  { name: 'OneTimePasswordUntil20261208', class: OneTimePasswordUntil20261208 },
  { name: 'DocumentMarkedAt20261209', class: DocumentMarkedAt20261209 },
  { name: 'BatchMovesChecked20261210', class: BatchMovesChecked20261210 },
];
