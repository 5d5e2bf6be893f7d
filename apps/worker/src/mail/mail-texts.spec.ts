import { mailText } from './mail-texts';

const ISSUE = { regNumber: 'К-0007/2026', dueAt: '2026-12-02T12:00:00.000Z', issuedAt: '2026-12-02T04:00:00.000Z' };
const TEMPLATES = ['document.reminder', 'document.overdue', 'document.escalated', 'document.lost'];

describe('notification e-mail texts', () => {
  it.each(['ky', 'ru', 'en'])('%s: every template names the document by number and the due time in Bishkek', (lang) => {
    for (const template of TEMPLATES) {
      const { subject, text } = mailText({ template, data: ISSUE, url: null, settled: false }, lang);
      expect(subject).toContain('К-0007/2026');
      if (template !== 'document.lost') expect(text).toContain('02.12.2026 18:00');
    }
  });

  it('an e-mail may leave the school: the end-of-day list has numbers, holders and due times, never titles', () => {
    const item = {
      documentId: 'd1',
      regNumber: 'К-0007/2026',
      title: 'Окуучулардын жеке иштери',
      holderName: 'Гүлнара Жумабаева',
      dueAt: '2026-12-02T12:00:00.000Z',
      state: 'overdue',
    };
    const { subject, text } = mailText(
      { template: 'digest.official_use_out', data: { date: '2026-12-02', items: [item] }, url: null, settled: false },
      'ky',
    );
    expect(subject).toBe('02.12.2026: «Кызматтык колдонуу үчүн» грифиндеги кайтарылбаган документтер: 1');
    expect(text).toContain('- К-0007/2026 · Гүлнара Жумабаева · 02.12.2026 18:00 · мөөнөтү өткөн');
    expect(text).not.toContain(item.title);
  });

  it('the link and the settled note appear only when given; an unknown template still says something', () => {
    const url = 'https://grif.school35.kg/#/documents/d1';
    const linked = mailText({ template: 'document.overdue', data: ISSUE, url, settled: true }, 'en');
    expect(linked.text).toContain(`Open in Grif: ${url}`);
    expect(linked.text).toContain('already settled');
    expect(mailText({ template: 'document.overdue', data: ISSUE, url: null, settled: false }, 'en').text).not.toMatch(
      /Open in Grif|settled/,
    );
    expect(mailText({ template: 'case.new', data: {}, url: null, settled: false }, 'xx').subject).toBe(
      'Grif’те жаңы билдирме бар',
    );
  });

  it.each(['ky', 'ru', 'en'])('%s: the sharing signal (R-5.2.1) names neither the person nor the clients', (lang) => {
    const data = {
      userId: 'u1',
      username: 'aibek.t',
      clients: ['Firefox 133, Windows · 10.0.3.x', 'Chrome 131 · 10.0.9.x'],
    };
    const url = 'https://grif.school35.kg/#/breaches/new?system=grif&account=aibek.t';
    const { subject, text } = mailText({ template: 'breach.sharing_suspected', data, url: null, settled: false }, lang);
    expect(text).toContain('R-5.2.1');
    for (const secret of ['aibek', 'Firefox', '10.0.3', 'u1']) expect(subject + text).not.toContain(secret);
    // The in-app link fills the report form in with the account: the e-mail leads to the notifications instead.
    const linked = mailText({ template: 'breach.sharing_suspected', data, url, settled: false }, lang).text;
    expect(linked).toContain('https://grif.school35.kg/#/notifications');
    expect(linked).not.toContain('aibek');
  });
});
