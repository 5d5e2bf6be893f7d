import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import type { ClearanceStatus } from '../types';

/** The person's clearance now: "✓ cleared since…", "from <date>", "revoked", or "not cleared". */
export function ClearanceBadge({ c }: { c: ClearanceStatus }): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const date = (d: string) => formatDate(d, lang);
  if (c.cleared)
    return (
      <span className="badge badge-ok" data-testid="cleared-badge" data-status="cleared">
        ✓ {t('people.cleared')} · {t('people.since', { date: date(c.since!) })}
        {c.until && <> · {t('people.until', { date: date(c.until) })}</>}
      </span>
    );
  if (c.from)
    return (
      <span className="badge badge-pending" data-testid="clearance-badge" data-status="from">
        {t('people.from', { date: date(c.from) })}
      </span>
    );
  if (c.revoked)
    return (
      <span className="badge badge-warn" data-testid="clearance-badge" data-status="revoked">
        ✗ {t('people.revoked', { date: date(c.revoked.date) })}
        {c.revoked.reason && <span className="badge-detail"> · {c.revoked.reason}</span>}
      </span>
    );
  return (
    <span className="badge badge-warn" data-testid="clearance-badge" data-status="none">
      ✗ {t('people.notCleared')}
    </span>
  );
}
