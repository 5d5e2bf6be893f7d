import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ky } from './ky';
import { ru } from './ru';

/** Kyrgyz first, then Russian, then English. */
export const LANGS = ['ky', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** Each language in its own name, for the switch. */
export const LANG_NAMES: Record<Lang, string> = { ky: 'Кыргызча', ru: 'Русский', en: 'English' };

const STORAGE_KEY = 'grif.lang';

function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (isLang(v)) return v;
  } catch {
    // Storage may be off (private mode): Kyrgyz it is.
  }
  return 'ky';
}

void i18n.use(initReactI18next).init({
  resources: { ky: { translation: ky }, ru: { translation: ru }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: 'ky',
  supportedLngs: [...LANGS],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});
document.documentElement.lang = i18n.language;

export function currentLang(): Lang {
  return isLang(i18n.language) ? i18n.language : 'ky';
}

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not persisted, still switched
  }
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export default i18n;
