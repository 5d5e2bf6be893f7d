import { InitialSchema20261126 } from './20261126-initial-schema.migration';
import { OutboxDelivered20261127 } from './20261127-outbox-delivered.migration';
import { SchoolSettings20261128 } from './20261128-school-settings.migration';
import { MailAndDigests20261128 } from './20261128-mail-and-digests.migration';
import { ClearanceOrder20261129 } from './20261129-clearance-order.migration';

/** Listed explicitly so the same list runs from ts (tests) and from dist (npm start). */
export const MIGRATIONS = [
  { name: 'InitialSchema20261126', class: InitialSchema20261126 },
  { name: 'OutboxDelivered20261127', class: OutboxDelivered20261127 },
  { name: 'SchoolSettings20261128', class: SchoolSettings20261128 },
  { name: 'MailAndDigests20261128', class: MailAndDigests20261128 },
  { name: 'ClearanceOrder20261129', class: ClearanceOrder20261129 },
];
