import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatInstant } from '../format';
import { useLoad, useSubmit } from '../hooks';
import { Field, LoadError, Loading, Notice, PageTitle, Refusal } from '../components/ui';

/** A file's bytes as base64, in chunks (a spread of a whole PKCS#12 would overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * My signing certificate: the one enrolled (its subject, issuer and how long it is valid), or the
 * form that enrols one from a PKCS#12 file. The server keeps the private key sealed under my
 * passphrase; it is opened for one signature at a time, never stored in clear.
 */
export function MyCertificate(): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const cert = useLoad(() => api.myCertificate(), []);
  const [replacing, setReplacing] = useState(false);
  const [done, setDone] = useState(false);
  const c = cert.data;

  return (
    <section>
      <PageTitle intro={t('cert.intro')}>{t('cert.title')}</PageTitle>
      {done && <Notice>{t('cert.enrolled')}</Notice>}
      {cert.error && <LoadError error={cert.error} />}
      {!c && !cert.error && <Loading />}
      {c && c.enrolled && (
        <dl className="facts panel cert-facts" data-testid="cert-enrolled">
          <div className="fact">
            <dt>{t('cert.subject')}</dt>
            <dd data-testid="cert-subject">{c.subject}</dd>
          </div>
          <div className="fact">
            <dt>{t('cert.issuer')}</dt>
            <dd data-testid="cert-issuer">{c.issuer}</dd>
          </div>
          <div className="fact">
            <dt>{t('cert.validUntil')}</dt>
            <dd data-testid="cert-not-after" className={Date.parse(c.notAfter) < Date.now() ? 'warn' : undefined}>
              {formatInstant(c.notAfter, lang)}
              {Date.parse(c.notAfter) < Date.now() && ` — ${t('cert.expired')}`}
            </dd>
          </div>
          <div className="fact">
            <dt>{t('cert.serial')}</dt>
            <dd>
              <code>{c.serialNumber}</code>
            </dd>
          </div>
          <div className="fact">
            <dt>SHA-256</dt>
            <dd className="hash">
              <code>{c.sha256}</code>
            </dd>
          </div>
        </dl>
      )}
      {c && !c.enrolled && (
        <p className="alert alert-info" data-testid="cert-none">
          {t('cert.none')}
        </p>
      )}
      {c && c.enrolled && !replacing && (
        <button type="button" className="btn" onClick={() => setReplacing(true)} data-testid="cert-replace">
          {t('cert.replace')}
        </button>
      )}
      {c && (!c.enrolled || replacing) && (
        <EnrolForm
          onDone={() => {
            setDone(true);
            setReplacing(false);
            cert.reload();
          }}
        />
      )}
    </section>
  );
}

function EnrolForm({ onDone }: { onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');

  async function enrol(e: FormEvent) {
    e.preventDefault();
    if (!file || !passphrase) return;
    const ok = await submit.run(async () => {
      const pkcs12 = toBase64(new Uint8Array(await file.arrayBuffer()));
      await api.enrolCertificate({ pkcs12, passphrase });
    });
    if (ok) {
      setPassphrase('');
      onDone();
    }
  }

  return (
    <form className="panel" onSubmit={enrol} data-testid="cert-form">
      <h2>{t('cert.enrol')}</h2>
      <p className="small muted">{t('cert.enrolHint')}</p>
      <div className="form-grid">
        <Field label={t('cert.file')}>
          {(id) => (
            // The browser's own file button speaks the browser's language: ours speaks the UI's.
            <div className="file-chosen">
              <span className="btn file-pick">
                <input
                  id={id}
                  type="file"
                  accept=".p12,.pfx,application/x-pkcs12"
                  required
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                  data-testid="cert-file"
                />
                {t('cert.chooseFile')}
              </span>
              <span className={file ? undefined : 'muted'} data-testid="cert-file-name">
                {file?.name ?? t('cert.noFile')}
              </span>
            </div>
          )}
        </Field>
        <Field label={t('cert.passphrase')}>
          {(id) => (
            <input
              id={id}
              type="password"
              autoComplete="off"
              required
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              data-testid="cert-passphrase"
            />
          )}
        </Field>
        {submit.error && <Refusal error={submit.error} />}
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={!file || !passphrase || submit.busy}
            data-testid="cert-submit"
          >
            {submit.busy ? t('common.busy') : t('cert.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}
