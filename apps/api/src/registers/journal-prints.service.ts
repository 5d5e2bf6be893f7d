import { Inject, Injectable, type StreamableFile } from '@nestjs/common';
import { DateTime } from 'luxon';
import { type ActLanguage, renderJournal } from '@grif/acts';
import { journalPrintSchema, registrationQuerySchema } from '@grif/contracts';
import type { Actor, Lang } from '@grif/domain';
import { CLOCK, type Clock } from '@grif/engine';
import { SchoolsRepository } from '@grif/persistence';
import { pdfFile } from '../http/pdf-file';
import { parseBody } from '../http/zod-body';
import { type CellFormats, cellText, columnsOf, type RegisterRows } from './register-answer';
import { JOURNAL_NOTES, JOURNAL_TITLES } from './register-words';
import { RegistersService } from './registers.service';

/** The journals a records office prints and files for a period. */
export type JournalName = keyof typeof JOURNAL_TITLES;

const ZONE = 'Asia/Bishkek';
const printedTime = (d: DateTime) => d.setZone(ZONE).toFormat('dd.MM.yyyy HH:mm');
/** On paper: `26.11.2026 14:05` in Bishkek (the journal says so once), days as `26.11.2026`. */
const PRINTED: CellFormats = {
  time: (iso) => (iso ? printedTime(DateTime.fromISO(iso, { zone: 'utc' })) : ''),
  day: (d) => (d ? DateTime.fromISO(d, { zone: 'utc' }).toFormat('dd.MM.yyyy') : ''),
};

/**
 * `format=pdf` of the four journals: the rows the same query's CSV gives, those of the period
 * (registered, issued, copied in it; the carriers register as it stood at its end), rendered by
 * renderJournal with the school's name at the head.
 */
@Injectable()
export class JournalPrints {
  constructor(
    private readonly registers: RegistersService,
    private readonly schools: SchoolsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async print(
    name: JournalName,
    actor: Actor,
    query: Record<string, unknown>,
    fallback: Lang,
  ): Promise<StreamableFile> {
    const p = parseBody(journalPrintSchema, query);
    const lang: ActLanguage = p.lang ?? (fallback === 'ru' ? 'ru' : 'ky');
    const start = DateTime.fromISO(p.from, { zone: ZONE }).toMillis();
    const end = DateTime.fromISO(p.to, { zone: ZONE }).plus({ days: 1 }).toMillis(); // the next day's midnight
    const within = (iso: string) => {
      const t = Date.parse(iso);
      return t >= start && t < end;
    };
    const now = this.clock.now();
    // The carriers register is a state: the one at the end of the period (or now, when that is still to come).
    const at = DateTime.fromMillis(Math.min(end - 1, now.getTime()), { zone: 'utc' });
    const cells = <K extends JournalName>(k: K, rows: RegisterRows[K][]) =>
      rows.map((r) => columnsOf(k).map((c) => cellText(c.value(r, lang, PRINTED))));

    let rows: string[][];
    switch (name) {
      case 'registration': {
        const { page } = await this.registers.documents(actor, query, registrationQuerySchema);
        rows = cells(
          name,
          page.items.filter((r) => within(r.createdAt)),
        );
        break;
      }
      case 'issues':
        rows = cells(
          name,
          (await this.registers.issues(actor, query)).page.items.filter((r) => within(r.issuedAt)),
        );
        break;
      case 'copies':
        rows = cells(
          name,
          (await this.registers.copies(actor, query)).page.items.filter((r) => within(r.madeAt)),
        );
        break;
      case 'carriers':
        rows = cells(name, (await this.registers.carriers(actor, { ...query, at: at.toISO() })).page.items);
        break;
    }
    const note = JOURNAL_NOTES[name][lang].replace('{at}', printedTime(at));
    const pdf = await renderJournal(
      {
        title: JOURNAL_TITLES[name][lang],
        school: { name: (await this.schools.nameOf(actor.schoolId)) ?? '' },
        period: { from: p.from, to: p.to },
        notes: [`${note} ${JOURNAL_NOTES.times[lang]}`],
        columns: columnsOf(name).map((c) => ({ header: c.header[lang], width: c.width })),
        rows,
        madeAt: now,
      },
      { language: lang, timeZone: ZONE },
    );
    return pdfFile(`${name}-${p.from}-${p.to}.pdf`, pdf, 'attachment');
  }
}
