import type { Provider } from '@nestjs/common';
import { AuditTrail } from '@grif/audit';
import { REPOSITORIES, WriteTransactions } from '@grif/persistence';

/** Every repository (and the audit trail), built from the write transactions; the libs stay free of Nest. */
export const REPOSITORY_PROVIDERS: Provider[] = [...REPOSITORIES, AuditTrail].map((R) => ({
  provide: R,
  useFactory: (tx: WriteTransactions) => new R(tx),
  inject: [WriteTransactions],
}));
