import type { CalendarName } from './working-calendar';

/** The names of the Kyrgyz holidays and calendar days, in the three languages of the UI. */
export const KG_NAMES = {
  newYear: { ky: 'Жаңы жыл майрамы', ru: 'Новогодние праздники', en: 'New Year holidays' },
  christmas: { ky: 'Ыйсанын Туулган күнү (Рождество)', ru: 'Рождество Христово', en: 'Orthodox Christmas' },
  defenders: {
    ky: 'Ата Мекенди коргоочулар күнү',
    ru: 'День защитника Отечества',
    en: 'Defender of the Fatherland Day',
  },
  womensDay: { ky: 'Эл аралык аялдар күнү', ru: 'Международный женский день', en: "International Women's Day" },
  nooruz: { ky: 'Нооруз', ru: 'Нооруз', en: 'Nooruz' },
  aprilRevolution: {
    ky: 'Элдик Апрель революциясынын күнү',
    ru: 'День народной Апрельской революции',
    en: "Day of the People's April Revolution",
  },
  labourDay: { ky: 'Эмгек майрамы', ru: 'Праздник труда', en: 'Labour Day' },
  mayHolidays: { ky: 'Май майрамдары', ru: 'Майские праздники', en: 'May holidays' },
  constitutionDay: { ky: 'Конституция күнү', ru: 'День Конституции', en: 'Constitution Day' },
  victoryDay: { ky: 'Жеңиш күнү', ru: 'День Победы', en: 'Victory Day' },
  independenceDay: { ky: 'Эгемендүүлүк күнү', ru: 'День независимости', en: 'Independence Day' },
  historyDays: {
    ky: 'Тарыхты жана ата-бабаларды эскерүү күндөрү',
    ru: 'Дни истории и памяти предков',
    en: 'Days of History and Remembrance of Ancestors',
  },
  orozoAit: { ky: 'Орозо айт', ru: 'Орозо айт', en: 'Orozo Ait (Eid al-Fitr)' },
  kurmanAit: { ky: 'Курман айт', ru: 'Курман айт', en: 'Kurman Ait (Eid al-Adha)' },
  preHoliday: {
    ky: 'Майрам алдындагы кыскартылган күн',
    ru: 'Предпраздничный сокращённый день',
    en: 'Pre-holiday day, one hour shorter',
  },
  decree835: {
    ky: 'Кошумча дем алыш күнү (Министрлер Кабинетинин 2025-жылдын 25-декабрындагы №835 токтому)',
    ru: 'Дополнительный выходной день (постановление Кабинета Министров № 835 от 25.12.2025)',
    en: 'Extra day off (Cabinet resolution No. 835 of 25 Dec 2025)',
  },
} as const satisfies Record<string, CalendarName>;
