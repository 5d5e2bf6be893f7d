import { ActsRepository } from './acts.repository';
import { BreachesRepository } from './breaches.repository';
import { BreachStatistics } from './breach-stats.repository';
import { ClearancesRepository } from './clearances.repository';
import { DailyDigests } from './daily-digests.repository';
import { DeadlineBoardQueries } from './deadline-board.repository';
import { LoginEvents } from './login-events.repository';
import { MediaRepository } from './media.repository';
import { NomenclatureRepository } from './nomenclature.repository';
import { NotificationInbox } from './notification-inbox';
import { NotificationMailbox } from './notification-mailbox';
import { PeopleRepository } from './people.repository';
import { RecordsOfficeSetup } from './records-office-setup';
import { RegisterQueries } from './register-queries';
import { RegisterSnapshots } from './register-snapshots.repository';
import { SchoolsRepository } from './schools.repository';
import { SessionsRepository } from './sessions.repository';
import { SharingSignals } from './sharing-signals.repository';
import { StorageRepository } from './storage.repository';
import { UsersRepository } from './users.repository';
import type { WriteTransactions } from '../write-transactions';

export * from './acts.repository';
export * from './breaches.repository';
export * from './breach-stats.repository';
export * from './clearances.repository';
export * from './daily-digests.repository';
export * from './deadline-board.repository';
export * from './login-events.repository';
export * from './media.repository';
export * from './nomenclature.repository';
export * from './notification-inbox';
export * from './notification-mailbox';
export * from './people.repository';
export * from './records-office-setup';
export * from './register-queries';
export * from './register-snapshots.repository';
export * from './schools.repository';
export * from './sessions.repository';
export * from './sharing-signals.repository';
export * from './storage.repository';
export * from './users.repository';

/** Every repository; each is built from the write transactions alone, so a container can provide them all alike. */
export const REPOSITORIES: readonly (new (tx: WriteTransactions) => object)[] = [
  ActsRepository,
  BreachesRepository,
  BreachStatistics,
  ClearancesRepository,
  DailyDigests,
  DeadlineBoardQueries,
  LoginEvents,
  MediaRepository,
  NomenclatureRepository,
  NotificationInbox,
  NotificationMailbox,
  PeopleRepository,
  RecordsOfficeSetup,
  RegisterQueries,
  RegisterSnapshots,
  SchoolsRepository,
  SessionsRepository,
  SharingSignals,
  StorageRepository,
  UsersRepository,
];
