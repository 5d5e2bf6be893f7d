import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import type { Actor } from '@grif/domain';
import { CLOCK, type Clock } from '@grif/engine';
import { SchoolsRepository, WriteTransactions } from '@grif/persistence';
import { buildBundle } from './export-bundle';
import { ExportSigningKeys } from './export-signing-key';

/** The caller's school's audit bundle as a file an outsider checks with `npm run audit:verify`. */
@Injectable()
export class AuditExportService {
  constructor(
    private readonly tx: WriteTransactions,
    private readonly schools: SchoolsRepository,
    private readonly keys: ExportSigningKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async export(actor: Actor): Promise<StreamableFile> {
    const now = this.clock.now();
    const [name, code, key] = await Promise.all([
      this.schools.nameOf(actor.schoolId),
      this.schools.codeOf(actor.schoolId),
      this.keys.of(actor.schoolId),
    ]);
    const bundle = Buffer.from(
      await buildBundle(this.tx, { id: actor.schoolId, name: name ?? '', code }, key, now.toISOString()),
      'utf8',
    );
    const file = `audit-${code ?? actor.schoolId}-${now.toISOString().slice(0, 10)}.jsonl`;
    return new StreamableFile(bundle, {
      type: 'application/x-ndjson',
      disposition: `attachment; filename="${file.replace(/[^\w.-]/g, '_')}"`,
      length: bundle.length,
    });
  }
}
