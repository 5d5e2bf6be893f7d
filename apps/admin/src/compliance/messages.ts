/**
 * The words of the Compliance screen (issue 11), Kyrgyz first. Mounted under `compliance` in i18n/{ky,ru,en}.ts;
 * ru and en are typed as ky's shape, so a missing key fails tsc.
 */
export const complianceKy = {
  title: 'Жобого шайкештик',
  intro:
    'Маалыматтык коопсуздук жөнүндө Жобонун ар бир пункту: аны кайсы код аткарат, кайсы тесттер далилдейт жана алардын акыркы жыйынтыгы. Колго жазылбайт: код жана тесттердин жыйынтыгы боюнча түзүлөт.',
  clause: 'Пункт',
  requirement: 'Талап',
  status: 'Абалы',
  enforcedIn: 'Коддо кайда аткарылат',
  tests: 'Тесттер',
  places: '{{n}} жер',
  testCount: '{{n}} тест: {{pass}} өттү, {{fail}} өтпөдү',
  none: 'жок',
  filter: 'Абалы боюнча',
  all: 'Баары',
  print: 'PDF жүктөө',
  printLang: 'PDF тили',
  shown: '{{n}} пункт',
  statuses: {
    pass: 'Аткарылат, тесттер өттү',
    fail: 'Тест өтпөдү',
    untested: 'Тест жок',
    not_run: 'Тесттер иштетиле элек',
    not_enforced: 'Коддо аткарылбайт',
  },
  testStatuses: { pass: 'өттү', fail: 'өтпөдү', skipped: 'өткөрүлдү' },
};

export const complianceRu: typeof complianceKy = {
  title: 'Соответствие Положению',
  intro:
    'Каждый пункт Положения об информационной безопасности: какой код его обеспечивает, какие тесты это доказывают и их последний результат. Не пишется вручную: составляется по коду и результатам тестов.',
  clause: 'Пункт',
  requirement: 'Требование',
  status: 'Статус',
  enforcedIn: 'Где обеспечено в коде',
  tests: 'Тесты',
  places: 'мест: {{n}}',
  testCount: 'тестов: {{n}}; пройдено {{pass}}, не пройдено {{fail}}',
  none: 'нет',
  filter: 'По статусу',
  all: 'Все',
  print: 'Скачать PDF',
  printLang: 'Язык PDF',
  shown: 'пунктов: {{n}}',
  statuses: {
    pass: 'Обеспечено, тесты пройдены',
    fail: 'Тест не пройден',
    untested: 'Нет тестов',
    not_run: 'Тесты не запускались',
    not_enforced: 'Не обеспечено в коде',
  },
  testStatuses: { pass: 'пройден', fail: 'не пройден', skipped: 'пропущен' },
};

export const complianceEn: typeof complianceKy = {
  title: 'Compliance with the Regulation',
  intro:
    'Every clause of the Regulation on Information Security: the code that enforces it, the tests that prove it and their latest result. Not written by hand: generated from the code and the test run.',
  clause: 'Clause',
  requirement: 'Requirement',
  status: 'Status',
  enforcedIn: 'Enforced in the code',
  tests: 'Tests',
  places: '{{n}} places',
  testCount: '{{n}} tests: {{pass}} passed, {{fail}} failed',
  none: 'none',
  filter: 'By status',
  all: 'All',
  print: 'Download PDF',
  printLang: 'PDF language',
  shown: '{{n}} clauses',
  statuses: {
    pass: 'Enforced, tests pass',
    fail: 'A test fails',
    untested: 'No test',
    not_run: 'Tests not run',
    not_enforced: 'Not enforced in code',
  },
  testStatuses: { pass: 'passed', fail: 'failed', skipped: 'skipped' },
};
