import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CabinetContents,
  CarriersRegister,
  CopyJournal,
  IssueJournal,
  RegistrationJournal,
} from '../registers/Journals';
import { Media, Nomenclature, Rooms } from '../registers/Reference';
import { href, useRememberedList } from '../router';
import { PageTitle } from './ui';

const TABS = {
  registration: RegistrationJournal,
  issues: IssueJournal,
  copies: CopyJournal,
  carriers: CarriersRegister,
  cabinets: CabinetContents,
  nomenclature: Nomenclature,
  rooms: Rooms,
  media: Media,
} as const;
type Tab = keyof typeof TABS;

function isTab(v: string | undefined): v is Tab {
  return v !== undefined && v in TABS;
}

/**
 * The records office's journals and reference lists, one tab each: `#/registers/<tab>`,
 * with the tab's filters, sort and page after a `?`.
 */
export function Registers({ tab }: { tab?: string }): ReactElement {
  const { t } = useTranslation();
  useRememberedList();
  const current: Tab = isTab(tab) ? tab : 'registration';
  const Body = TABS[current];
  return (
    <section>
      <PageTitle>{t('registers.title')}</PageTitle>
      <div className="tabs" role="tablist" aria-label={t('registers.title')}>
        {(Object.keys(TABS) as Tab[]).map((k) => (
          <a
            key={k}
            role="tab"
            id={`tab-${k}`}
            aria-selected={k === current}
            aria-controls="tab-panel"
            className={`tab${k === current ? ' tab-active' : ''}`}
            href={href(`/registers/${k}`)}
            data-testid={`tab-${k}`}
          >
            {t(`registers.tabs.${k}`)}
          </a>
        ))}
      </div>
      <div role="tabpanel" id="tab-panel" aria-labelledby={`tab-${current}`} className="tab-panel">
        <h2 className="sr-only">{t(`registers.tabs.${current}`)}</h2>
        <Body key={current} />
      </div>
    </section>
  );
}
