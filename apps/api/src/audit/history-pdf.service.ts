import { Injectable, type StreamableFile } from '@nestjs/common';
import { DateTime } from 'luxon';
import { renderJournal } from '@grif/acts';
import { historyPdfQuerySchema } from '@grif/contracts';
import type { Actor, Lang } from '@grif/domain';
import { SchoolsRepository } from '@grif/persistence';
import { pdfFile } from '../http/pdf-file';
import { parseBody } from '../http/zod-body';
import { eventWord, HISTORY_WORDS as W, type HistoryLang, machineWord, stateWord } from './history-pdf-words';
import { TimelineService } from './timeline.service';

const ZONE = 'Asia/Bishkek';
const time = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE).toFormat('dd.MM.yyyy HH:mm:ss');
const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE).toISODate()!;
/** A value on paper: text as it is, anything else as compact JSON, cut so one change stays one line or two. */
const shown = (v: unknown, names: Record<string, string>) => {
  const s = v === undefined ? '—' : typeof v === 'string' ? (names[v] ?? v) : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
};

/** One instance's history on paper, in the acts' journal layout: a row a step, with what changed. */
@Injectable()
export class HistoryPdfService {
  constructor(
    private readonly timelines: TimelineService,
    private readonly schools: SchoolsRepository,
  ) {}

  async print(actor: Actor, id: string, query: unknown, fallback: Lang): Promise<StreamableFile> {
    const q = parseBody(historyPdfQuerySchema, query);
    const lang: HistoryLang = q.lang ?? (fallback === 'ru' ? 'ru' : 'ky');
    const { instance, steps, names } = await this.timelines.timeline(actor, id);
    const subject = instance.subject || instance.machine;
    const pdf = await renderJournal(
      {
        title: `${W.title[lang]}: ${subject}`,
        school: { name: (await this.schools.nameOf(actor.schoolId)) ?? '' },
        period: {
          from: day(steps[0]?.at ?? new Date().toISOString()),
          to: day(steps.at(-1)?.at ?? new Date().toISOString()),
        },
        notes: [
          `${W.machine[lang]}: ${machineWord(lang, instance.machine)}. ${W.current[lang]}: ${stateWord(lang, instance.state)}.`,
          `${W.times[lang]} ${W.chain[lang]}`,
        ],
        columns: [
          { header: W.seq[lang], width: 3 },
          { header: W.at[lang], width: 8 },
          { header: W.event[lang], width: 10 },
          { header: W.actor[lang], width: 9 },
          { header: W.states[lang], width: 10 },
          { header: W.changes[lang], width: 24 },
        ],
        rows: steps.map((s) => [
          String(s.seq),
          time(s.at),
          eventWord(lang, s.type),
          s.actorName,
          `${stateWord(lang, s.fromState)} → ${stateWord(lang, s.state)}`,
          s.diff.map((c) => `${c.path}: ${shown(c.before, names)} → ${shown(c.after, names)}`).join('\n'),
        ]),
        madeAt: new Date(),
      },
      { language: lang, timeZone: ZONE, numbered: false },
    );
    return pdfFile(`history-${subject}.pdf`, pdf, 'inline');
  }
}
