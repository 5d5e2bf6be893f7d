import { Inject, Injectable } from '@nestjs/common';
import { createDemoSigningBundle } from '@grif/acts';
import type { Actor } from '@grif/domain';
import { CLOCK, Clock, WorkflowEngine } from '@grif/engine';
import { NomenclatureRepository, StorageRepository } from '@grif/persistence';
import { documentRegistration } from '@grif/workflows';
import { CertificatesService } from '../acts/certificates.service';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SCHOOL } from './demo-school';

/** Demo mode only: who signs acts, each with a certificate of the demo CA in their Kyrgyz name. */
const SIGNERS = ['security', 'clerk', 'support', 'director', 'clerk2'];

/** Letters of earlier years, filed for three years: on a fresh demo their retention has run out (R-4.1d). */
const OLD_LETTERS = [
  { year: 2020, title: 'Райондук билим берүү бөлүмүнүн каты: окуу жылынын жыйынтыгы', copies: 1 },
  { year: 2020, title: 'Ата-энелер комитетинин кайрылуусу', copies: 0 },
  { year: 2021, title: 'Санитардык-эпидемиологиялык кызматтын көрсөтмөсү', copies: 0 },
];

/**
 * What a fresh demo needs so that an act can be walked at once: destruction candidates (earlier years' letters
 * in expired files, one with a copy) and an enrolled certificate for every demo signer (passphrase = demo password).
 */
@Injectable()
export class DemoActs {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly files: NomenclatureRepository,
    private readonly storage: StorageRepository,
    private readonly certificates: CertificatesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async seed(schoolId: string, users: Record<string, string>): Promise<void> {
    const now = this.clock.now();
    const actor = (u: string): Actor => ({
      userId: users[u],
      schoolId,
      roles: DEMO_PEOPLE.find((p) => p.username === u)!.roles.map((r) => r.role),
      kind: 'user',
    });
    const bundle = await createDemoSigningBundle(
      SIGNERS.map((u) => ({ key: u, name: DEMO_PEOPLE.find((p) => p.username === u)!.displayName })),
      { organization: DEMO_SCHOOL, now: new Date(now.getTime() - 24 * 3600_000), passphrase: DEMO_PASSWORD },
    );
    for (const u of SIGNERS)
      await this.certificates.enrol(actor(u), {
        pkcs12: Buffer.from(bundle.signers[u].pkcs12).toString('base64'),
        passphrase: DEMO_PASSWORD,
      });

    const clerk = actor('clerk');
    const cabinet = (await this.storage.rooms(schoolId)).find((r) => r.secure)!.cabinets[0];
    const fileOf = new Map<number, string>();
    for (const year of new Set(OLD_LETTERS.map((l) => l.year))) {
      const f = await this.files.add(
        schoolId,
        { index: `01-05/${year}`, title: `Кирүүчү каттар (${year})`, year, retentionYears: 3 },
        now.toISOString(),
      );
      fileOf.set(year, f.id);
    }
    for (const [i, l] of OLD_LETTERS.entries()) {
      const { body } = await this.engine.create(
        'document',
        {
          direction: 'incoming',
          kind: 'letter',
          title: l.title,
          correspondent: 'Бишкек шаарынын билим берүү башкармалыгы',
          documentDate: `${l.year}-0${3 + i}-15`,
          pages: 2,
          fileId: fileOf.get(l.year),
        },
        clerk,
        documentRegistration(schoolId),
      );
      await this.engine.send(body.id, 'CLASSIFY', { classification: 'open' }, clerk);
      await this.engine.send(body.id, 'STORE', { cabinetId: cabinet.id }, clerk);
      if (l.copies) await this.engine.send(body.id, 'COPY', { purpose: 'Архивдин көчүрмөсү', count: l.copies }, clerk);
    }
  }
}
