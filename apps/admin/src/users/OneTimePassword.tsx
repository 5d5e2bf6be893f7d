import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** A one-time password, shown this once (it is never stored in the UI and never shown again). */
export function OneTimePassword({ value }: { value: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="alert alert-ok one-time-password" role="status">
      <div className="alert-title">{t('users.oneTimePassword')}</div>
      <p>
        <code data-testid="one-time-password">{value}</code>
      </p>
      <p className="hint">{t('users.oneTimePasswordOnce')}</p>
    </div>
  );
}
