import { DEMO_PASSWORD, DEMO_SCHOOL } from '../../apps/api/src/identity/demo-school';
import { pdfPages, pdfToText } from '../../libs/acts/src/testing/poppler';
import { ApiHarness, startApi } from '../support/api';

/**
 * Printable journals (issue 8): the registration, issue and copy journals and the carriers register
 * for a period, as A4 PDFs read back with pdftotext. The clock is the test's: documents are
 * registered, issued and copied in October and in November 2026, then printed on 1 December.
 */
const clock = {
  t: new Date('2026-10-15T04:00:00.000Z'), // Thursday 15 October 2026, 10:00 in Bishkek
  now() {
    return new Date(this.t);
  },
};

interface Printed {
  status: number;
  type: string | null;
  disposition: string | null;
  bytes: Uint8Array;
}

describe('printable journals: GET /api/registers/<journal>?format=pdf&from&to&lang', () => {
  let api: ApiHarness;
  let k = 0;
  const send = async (id: string, body: object) => {
    const r = await api.call('clerk', 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `jp-${++k}` });
    if (r.status !== 200) throw new Error(`${JSON.stringify(body)}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** Registers a document dated today, classified and stored; answers its id and number. */
  const register = async (title: string, classification = 'official_use', store = true) => {
    const documentDate = clock.t.toISOString().slice(0, 10);
    const r = await api.call('clerk', 'POST', '/api/documents', {
      direction: 'incoming',
      kind: 'letter',
      title,
      correspondent: 'Бишкек шаарынын билим берүү башкармалыгы',
      documentDate,
      pages: 2,
    });
    if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.body)}`);
    const id = r.body.id as string;
    if (store) {
      await send(id, { type: 'CLASSIFY', classification });
      await send(id, { type: 'STORE', cabinetId: api.secureCabinetId });
    }
    const regNumber = (await api.call('clerk', 'GET', `/api/documents/${id}`)).body.regNumber as string;
    return { id, regNumber };
  };
  /** Moves the clock; sessions live 12 hours, so everyone signs in again. */
  const moveClockTo = async (iso: string) => {
    clock.t = new Date(iso);
    for (const u of Object.keys(api.tokens)) {
      const r = await api.call(null, 'POST', '/api/auth/login', { username: u, password: DEMO_PASSWORD });
      api.tokens[u] = r.body.token;
    }
  };
  const fetchAs = async (user: string, path: string): Promise<Printed> => {
    const res = await fetch(api.base + path, { headers: { authorization: `Bearer ${api.tokens[user]}` } });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      disposition: res.headers.get('content-disposition'),
      bytes: new Uint8Array(await res.arrayBuffer()),
    };
  };
  /** The PDF's text, after checking it is one. */
  const print = async (user: string, path: string): Promise<string> => {
    const r = await fetchAs(user, path);
    expect([path, r.status, r.type]).toEqual([path, 200, 'application/pdf']);
    expect(Buffer.from(r.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    return pdfToText(r.bytes);
  };
  /** Registration numbers printed, in order (a copy's number ends in /n). */
  const numbersIn = (text: string) => [...text.matchAll(/(?<![\w/-])[А-ЯA-Z]+-\d+\/\d{4}(?:\/\d+)?/g)].map((m) => m[0]);
  const csvRows = async (path: string) => {
    const res = await fetch(api.base + path, { headers: { authorization: `Bearer ${api.tokens.clerk}` } });
    expect(res.status).toBe(200);
    return parseCsv((await res.text()).replace(/^\uFEFF/, '')).slice(1);
  };

  const october: Record<string, { id: string; regNumber: string }> = {};
  const november: Record<string, { id: string; regNumber: string }> = {};
  let octoberCopy = '';
  let novemberCopy = '';
  const many: string[] = [];

  beforeAll(async () => {
    api = await startApi({ clock });
    // October: one For Official Use letter, issued to the teacher and copied; one open letter.
    october.fou = await register('Окуу жылынын башталышы жөнүндө кат');
    october.open = await register('Ачык кат: өңүттөр жана үлгүлөр', 'open');
    await send(october.fou.id, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'күндөлүк иш үчүн' });
    await send(october.fou.id, { type: 'RETURN' });
    octoberCopy = (await send(october.fou.id, { type: 'COPY', purpose: 'методикалык кеңеш', count: 1 })).copies[0]
      .regNumber;

    // November: a personal-data document issued to the teacher and copied, and enough letters for pages.
    await moveClockTo('2026-11-24T04:00:00.000Z');
    november.personal = await register('Мугалимдердин жеке иштери: Өмүрбек, Үсөн, Жеңиш', 'personal_data');
    novemberCopy = (await send(november.personal.id, { type: 'COPY', purpose: 'аттестация үчүн', count: 1 })).copies[0]
      .regNumber;
    await send(november.personal.id, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'аттестация' });
    for (let i = 1; i <= 40; i++) many.push((await register(`Маалымат кат № ${i}: ңөү ҢӨҮ`, 'open', false)).regNumber);

    await moveClockTo('2026-12-01T05:00:00.000Z'); // printed on 1 December, 11:00 in Bishkek
  }, 180_000); // 46 registrations: on PostgreSQL with fsync, beside another test file, a minute was not always enough
  afterAll(() => api.close());

  describe('the registration journal', () => {
    it('prints the documents registered in the period, the same rows as the CSV, under Kyrgyz headers', async () => {
      const path = '/api/registers/registration?format=pdf&from=2026-11-01&to=2026-11-30';
      const r = await fetchAs('clerk', path);
      expect(r.status).toBe(200);
      expect(r.type).toBe('application/pdf');
      expect(r.disposition).toMatch(/^attachment; filename="registration-2026-11-01-2026-11-30\.pdf"/);
      const text = pdfToText(r.bytes);
      expect(text).toContain(DEMO_SCHOOL);
      expect(text).toContain('Документтерди каттоо журналы');
      expect(text).toContain('Мезгили: 01.11.2026 – 30.11.2026');
      expect(text).toContain('Түзүлгөн убакыт: 01.12.2026 11:00');
      for (const letter of ['ң', 'ө', 'ү', 'Ң', 'Ө', 'Ү']) expect(text).toContain(letter);

      // November's documents (the copy is a document of its own), in journal order; nothing of October.
      const printed = numbersIn(text);
      expect(printed).toEqual([november.personal.regNumber, novemberCopy, ...many].sort(byJournal));
      expect(printed).not.toContain(october.fou.regNumber);
      // The CSV of the same query, narrowed to the period by its registration time, has the same rows.
      const csv = (await csvRows('/api/registers/registration?format=csv'))
        .filter((cells) => cells[8]! >= '2026-11-01' && cells[8]! < '2026-12-01')
        .map((cells) => cells[0]);
      expect(printed).toEqual(csv);
      expect(text).toContain(`Бардыгы болуп жазуулар: ${printed.length}`);
    });

    it('breaks across pages with the header on each page and "Барак i / n" under it', async () => {
      const r = await fetchAs('clerk', '/api/registers/registration?format=pdf&from=2026-11-01&to=2026-11-30');
      const n = pdfPages(r.bytes);
      expect(n).toBeGreaterThanOrEqual(2);
      const pages = pdfToText(r.bytes)
        .split('\f')
        .filter((p) => p.trim());
      expect(pages).toHaveLength(n);
      pages.forEach((page, i) => {
        for (const header of ['Каттоо', 'Багыты', 'Аталышы', 'Гриф', 'Абалы']) expect(page).toContain(header);
        expect(page).toContain(`Барак ${i + 1} / ${n}`);
      });
    });

    it('October holds October', async () => {
      const text = await print('clerk', '/api/registers/registration?format=pdf&from=2026-10-01&to=2026-10-31');
      expect(numbersIn(text)).toEqual([october.fou.regNumber, october.open.regNumber, octoberCopy].sort(byJournal));
    });

    it('a teacher prints only what is issued to them now, as the list shows them', async () => {
      const text = await print('teacher', '/api/registers/registration?format=pdf&from=2026-10-01&to=2026-11-30');
      expect(numbersIn(text)).toEqual([november.personal.regNumber]);
    });

    it('speaks Russian with lang=ru', async () => {
      const text = await print('clerk', '/api/registers/registration?format=pdf&from=2026-10-01&to=2026-10-31&lang=ru');
      expect(text).toContain('Журнал регистрации документов');
      expect(text).toContain('Период: 01.10.2026 – 31.10.2026');
      expect(text).toContain('Регистрационный');
      expect(text).toContain('служебного');
      expect(text).toContain('Страница 1 / 1');
      expect(text).not.toContain('Барак');
    });
  });

  it('the issue journal: the issues made in the period, with the return as it is now', async () => {
    const oct = await print('security', '/api/registers/issues?format=pdf&from=2026-10-01&to=2026-10-31');
    expect(oct).toContain('Документтерди берүү журналы');
    for (const header of ['Каттоо', 'Кимде', 'Максаты', 'Кайтарылды']) expect(oct).toContain(header);
    expect(numbersIn(oct)).toEqual([october.fou.regNumber]);
    expect(oct).toContain('Жумабаева');
    expect(oct).toContain('күндөлүк');
    // Issued, due and returned on the same day: three dates in the row, times in Bishkek.
    expect(oct.match(/15\.10\.2026/g)).toHaveLength(3);
    expect(oct).toContain('18:00');
    const nov = await print('auditor', '/api/registers/issues?format=pdf&from=2026-11-01&to=2026-11-30&lang=ru');
    expect(nov).toContain('Журнал выдачи документов');
    expect(numbersIn(nov)).toEqual([november.personal.regNumber]);
  });

  it('the copy journal: the copies made in the period', async () => {
    const oct = await print('clerk', '/api/registers/copies?format=pdf&from=2026-10-01&to=2026-10-31');
    expect(oct).toContain('Көчүрмөлөрдү каттоо журналы');
    expect(oct).toContain('Түп нусканын');
    expect(oct).toContain('методикалык кеңеш');
    expect(numbersIn(oct)).toEqual([october.fou.regNumber, octoberCopy]);
    const nov = await print('clerk', '/api/registers/copies?format=pdf&from=2026-11-01&to=2026-11-30');
    expect(numbersIn(nov)).toEqual([november.personal.regNumber, novemberCopy]);
  });

  it('the carriers register: as it stood at the end of the period', async () => {
    const oct = await print('security', '/api/registers/carriers?format=pdf&from=2026-10-01&to=2026-10-31');
    expect(oct).toContain('Купуялуу маалымат алып жүрүүчүлөрдүн эсеби');
    expect(oct).toContain('Абалы 31.10.2026 23:59 карата');
    // Restricted marks only: the October letter and its copy; the open letter is no carrier.
    expect(numbersIn(oct)).toEqual([october.fou.regNumber, octoberCopy]);
    const nov = await print('security', '/api/registers/carriers?format=pdf&from=2026-11-01&to=2026-11-30');
    expect(numbersIn(nov)).toEqual(
      [october.fou.regNumber, octoberCopy, november.personal.regNumber, novemberCopy].sort(byJournal),
    );
    expect(nov).toContain('Жумабаева'); // the personal file is out with the teacher
    // A period not over yet: as it stands now.
    const now = await print('security', '/api/registers/carriers?format=pdf&from=2026-12-01&to=2026-12-31');
    expect(now).toContain('Абалы 01.12.2026 11:00 карата');
  });

  it('the same roles as the CSV: 403 for those who may not read the journal', async () => {
    for (const journal of ['issues', 'copies', 'carriers']) {
      for (const user of ['teacher', 'support']) {
        const r = await api.call(user, 'GET', `/api/registers/${journal}?format=pdf&from=2026-11-01&to=2026-11-30`);
        expect([journal, user, r.status, r.body.code]).toEqual([journal, user, 403, 'ROLE_REQUIRED']);
      }
    }
  });

  it('a bad period is 400 naming the field, never 500', async () => {
    const fields = async (path: string) => {
      const r = await api.call('clerk', 'GET', path);
      expect([path, r.status, r.body.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
      return r.body.fields.map((f: { field: string }) => f.field);
    };
    const reg = '/api/registers/registration?format=pdf';
    expect(await fields(`${reg}&to=2026-11-30`)).toEqual(['from']);
    expect(await fields(`${reg}&from=2026-11-01`)).toEqual(['to']);
    expect(await fields(`${reg}&from=2026-13-01&to=2026-11-30`)).toEqual(['from']);
    expect(await fields(`${reg}&from=2026-11-01&to=yesterday`)).toEqual(['to']);
    expect(await fields(`${reg}&from=2026-11-30&to=2026-11-01`)).toEqual(['to']);
    expect(await fields(`${reg}&from=2024-01-01&to=2026-11-30`)).toEqual(['to']);
    expect(await fields(`${reg}&from=2026-11-01&to=2026-11-30&lang=en`)).toEqual(['lang']);
    expect(await fields(`${reg}&from=2026-11-01&to=2026-11-30&at=2026-11-15T00:00:00Z`)).toEqual(['at']);
    expect(await fields('/api/registers/carriers?format=pdf&from=2026-11-01')).toEqual(['to']);
    expect(await fields('/api/registers/issues?format=pdf&from=x&to=2026-11-30')).toEqual(['from']);
    // Only the four journals print: the document list and the cabinets stay json or csv.
    expect(await fields('/api/documents?format=pdf&from=2026-11-01&to=2026-11-30')).toEqual(['format']);
    expect(await fields('/api/registers/cabinets?format=pdf&from=2026-11-01&to=2026-11-30')).toEqual(['format']);
  });

  it('an empty period prints the header and says so', async () => {
    const text = await print('clerk', '/api/registers/copies?format=pdf&from=2025-01-01&to=2025-12-31');
    expect(text).toContain('Көчүрмөнүн');
    expect(text).toContain('Бул мезгилде жазуулар жок');
    expect(numbersIn(text)).toEqual([]);
  });
});

/** Journal order of registration numbers like К-0012/2026 and К-0012/2026/1: year, number, copy. */
function byJournal(a: string, b: string): number {
  const key = (s: string) => {
    const m = /^(\D+)-(\d+)\/(\d{4})(?:\/(\d+))?$/.exec(s)!;
    return [Number(m[3]), m[1]!, Number(m[2]), Number(m[4] ?? 0)] as const;
  };
  const [x, y] = [key(a), key(b)];
  return x[0] - y[0] || x[1].localeCompare(y[1]) || x[2] - y[2] || x[3] - y[3];
}

/** RFC 4180 rows: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') endCell();
    else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}
