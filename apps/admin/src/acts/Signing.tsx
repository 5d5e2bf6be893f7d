/**
 * What every signed act shares, whatever it records (a destruction, a custody transfer, a breach report): the PDF
 * and its hash, the signers in their turns with a verification badge per signature, the whole file's check, and
 * the SIGN form that unlocks my enrolled key with its passphrase. The act page and the breach case page both use
 * these, over `GET /api/acts/:id/verify` and `/pdf` (a breach case's report is an act under the case's id).
 */
import { useEffect, useMemo, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatInstant } from '../format';
import { useLoad } from '../hooks';
import { eventLabel } from '../labels';
import { href } from '../router';
import { useSession } from '../session';
import type { ActVerification } from '../types';
import { Field, LoadError } from '../components/ui';
import { signerRoleLabel } from './labels';

/** How often a page asks again while the worker renders the PDF: signers sign only once it is there. */
export const RENDER_POLL_MS = 1500;

/** Asks again (`reload`) every RENDER_POLL_MS while `rendering`: the PDF is made by a job outside the transition. */
export function useRenderPoll(rendering: boolean, reload: () => void): void {
  useEffect(() => {
    if (!rendering) return;
    const timer = setInterval(reload, RENDER_POLL_MS);
    return () => clearInterval(timer);
  }, [rendering, reload]);
}

/** One signer of an act: who, in which capacity, when they signed (null: not yet), and their turn if the act has turns. */
export interface SignerLike {
  userId: string;
  name: string;
  role: string;
  signedAt: string | null;
  /** Signers of the lowest unsigned turn sign now; without turns, each signs after the one listed before. */
  turn?: number;
}

type Signature = ActVerification['signatures'][number];

const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Which PDF signature is whose. Each signature is an incremental update made in turn, so the n-th
 * signature in the file is the n-th person who signed; a signature whose certificate names the
 * person (the Kyrgyz name, without the position in brackets) is matched by name first.
 */
export function matchSignatures(
  signers: readonly SignerLike[],
  signatures: readonly Signature[],
): Map<string, Signature> {
  const out = new Map<string, Signature>();
  const signed = signers.filter((s) => s.signedAt).sort((x, y) => Date.parse(x.signedAt!) - Date.parse(y.signedAt!));
  const used = new Set<number>();
  for (const s of signed) {
    const i = signatures.findIndex(
      (g, n) =>
        !used.has(n) &&
        g.signer &&
        (norm(s.name).startsWith(norm(g.signer)) || norm(g.signer).startsWith(norm(s.name))),
    );
    if (i >= 0) {
      used.add(i);
      out.set(s.userId, signatures[i]!);
    }
  }
  let next = 0;
  for (const s of signed) {
    if (out.has(s.userId)) continue;
    while (next < signatures.length && used.has(next)) next++;
    if (next < signatures.length) {
      used.add(next);
      out.set(s.userId, signatures[next]!);
    }
  }
  return out;
}

/** The PDF: a download link, the printout once someone signed, and the SHA-256 the history holds. */
export function PdfLinks({
  id,
  pdfSha256,
  signed,
  rendering,
}: {
  id: string;
  pdfSha256: string | null;
  signed: boolean;
  rendering: boolean;
}): ReactElement {
  const { t, i18n } = useTranslation();
  if (!pdfSha256) return <span className="muted">{rendering ? t('acts.rendering') : t('acts.noPdf')}</span>;
  return (
    <>
      <a className="btn btn-small" href={api.actPdfUrl(id)} download data-testid="act-pdf">
        {t('acts.downloadPdf')}
      </a>{' '}
      {signed && (
        <a className="btn btn-small" href={api.actPrintoutUrl(id, i18n.language)} data-testid="act-printout">
          {t('acts.printout')}
        </a>
      )}
      <div className="small muted hash" title="SHA-256" data-testid="act-sha256">
        SHA-256: <code>{pdfSha256}</code>
      </div>
    </>
  );
}

/** "Preparing the PDF", with a progress bar, while the worker renders it. */
export function RenderingNotice(): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="alert alert-info act-rendering" role="status" data-testid="act-rendering">
      <strong>{t('acts.rendering')}</strong>
      <progress aria-label={t('acts.rendering')} />
      <span className="small muted">{t('acts.renderingHint')}</span>
    </div>
  );
}

/**
 * The signers in their order, each with the time of the signature and what the PDF's verification says of
 * it, and the whole file's check. `awaiting`: the act waits for signatures now (whose turn it is is marked).
 */
export function SignersPanel({
  id,
  signers,
  awaiting,
  pdfSha256,
  emptyText,
}: {
  /** The act's id (for a breach report, the case's id): `GET /api/acts/:id/verify`. */
  id: string;
  signers: readonly SignerLike[];
  awaiting: boolean;
  pdfSha256: string | null;
  emptyText?: string;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const lang = i18n.language;
  // Without turns the list is the order: each signs after the one before.
  const list = useMemo(() => signers.map((s, i) => ({ ...s, turn: s.turn ?? i + 1 })), [signers]);
  const signedCount = list.filter((s) => s.signedAt).length;
  const verify = useLoad<ActVerification | null>(
    () => (signedCount > 0 ? api.verifyAct(id) : Promise.resolve(null)),
    [id, signedCount, pdfSha256],
  );
  const v = verify.data;
  const matched = useMemo(() => (v ? matchSignatures(list, v.signatures) : new Map<string, Signature>()), [v, list]);
  // Signers of the lowest unsigned turn sign now, in any order among them (the commission, then the director).
  const openTurns = list.filter((s) => !s.signedAt).map((s) => s.turn);
  const turnNow = awaiting && openTurns.length ? Math.min(...openTurns) : undefined;
  const isNext = (s: { signedAt: string | null; turn: number }) => !s.signedAt && s.turn === turnNow;
  const turns = [...new Set(list.map((s) => s.turn))].sort((x, y) => x - y);
  const shared = turns.some((n) => list.filter((s) => s.turn === n).length > 1);

  return (
    <section className="panel" aria-labelledby={`signers-h-${id}`}>
      <h2 id={`signers-h-${id}`}>{t('acts.signers')}</h2>
      {list.length === 0 ? (
        <p className="muted">{emptyText ?? t('acts.noSigners')}</p>
      ) : (
        <ol className="signers" data-testid="act-signers">
          {list.map((s) => {
            const sig = matched.get(s.userId);
            return (
              <li
                key={`${s.userId}-${s.role}`}
                className={`signer${s.signedAt ? ' signer-signed' : ''}${isNext(s) ? ' signer-next' : ''}`}
                data-testid="act-signer"
                data-user={s.userId}
                data-signed={s.signedAt ? 'yes' : 'no'}
                data-turn={s.turn}
              >
                <span className="signer-turn" aria-label={t('acts.turn', { n: turns.indexOf(s.turn) + 1 })}>
                  {s.signedAt ? '✓' : turns.indexOf(s.turn) + 1}
                </span>
                <div className="signer-who">
                  <strong>{s.name}</strong>
                  <span className="muted small">{signerRoleLabel(t, s.role)}</span>
                </div>
                <div className="signer-when">
                  {s.signedAt ? (
                    <time dateTime={s.signedAt} data-testid="signer-signed-at">
                      {t('acts.signedAt', { at: formatInstant(s.signedAt, lang) })}
                    </time>
                  ) : isNext(s) ? (
                    <span className="badge badge-turn" data-testid="signer-next">
                      {s.userId === me.id ? t('acts.yourTurn') : t('acts.nextToSign')}
                    </span>
                  ) : (
                    <span className="muted">{t('acts.notSigned')}</span>
                  )}
                </div>
                <div className="signer-badge">
                  {s.signedAt &&
                    (sig ? (
                      <span
                        className={`badge ${sig.valid ? 'badge-ok' : 'badge-bad'}`}
                        data-testid="signature-badge"
                        data-valid={sig.valid}
                        title={sig.signer}
                      >
                        {sig.valid ? `✓ ${t('acts.sigValid')}` : `✗ ${t('acts.sigInvalid')}`}
                        <span className="badge-detail">
                          {' '}
                          · {sig.signer}
                          {sig.valid &&
                            ` · ${sig.coversWholeDocument ? t('acts.coversWhole') : t('acts.laterRevisions')}`}
                        </span>
                      </span>
                    ) : verify.loading ? (
                      <span className="muted small">{t('acts.verifying')}</span>
                    ) : (
                      <span className="badge badge-warn" data-testid="signature-badge" data-valid="unknown">
                        {t('acts.sigUnknown')}
                      </span>
                    ))}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {shared && list.length > 0 && <p className="muted small">{t('acts.sameTurn')}</p>}
      {verify.error && <LoadError error={verify.error} />}
      {v && (
        <p
          className={`verify-summary ${v.ok && v.hashMatches ? 'ok' : 'warn'}`}
          data-testid="act-verify"
          data-ok={v.ok && v.hashMatches}
        >
          {v.ok && v.hashMatches
            ? t('acts.verifyOk', { n: v.signatures.length })
            : v.hashMatches
              ? t('acts.verifyBad')
              : t('acts.hashMismatch')}
        </p>
      )}
    </section>
  );
}

/**
 * SIGN: the passphrase unlocks my enrolled key for this one signature (it is never kept). Without an
 * enrolled certificate the form says where to enrol one.
 */
export function SignForm({
  busy,
  onSign,
  onCancel,
}: {
  busy: boolean;
  onSign: (passphrase: string) => Promise<boolean>;
  onCancel: () => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const cert = useLoad(() => api.myCertificate(), []);
  const [passphrase, setPassphrase] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!passphrase) return;
    const ok = await onSign(passphrase);
    // The passphrase is not kept a moment longer than the request.
    if (ok) setPassphrase('');
  }
  const c = cert.data;
  return (
    <form
      className="panel action-form"
      onSubmit={submit}
      data-testid="action-form-SIGN"
      aria-label={eventLabel(t, 'SIGN')}
    >
      <h3>{eventLabel(t, 'SIGN')}</h3>
      {c && c.enrolled && (
        <p className="small" data-testid="sign-certificate">
          {t('acts.signWith', {
            subject: c.subject,
            issuer: c.issuer,
            until: formatInstant(c.notAfter, i18n.language),
          })}
        </p>
      )}
      {c && !c.enrolled && (
        <p className="alert alert-error" data-testid="sign-no-certificate">
          {t('acts.noCertificate')} <a href={href('/me/certificate')}>{t('cert.title')}</a>
        </p>
      )}
      <Field label={t('acts.passphrase')} hint={t('acts.passphraseHint')}>
        {(id, d) => (
          <input
            id={id}
            aria-describedby={d}
            type="password"
            autoComplete="off"
            required
            autoFocus
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            data-testid="sign-passphrase"
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !passphrase} data-testid="sign-submit">
          {busy ? t('acts.signing') : t('acts.signNow')}
        </button>
        <button type="button" className="btn" onClick={onCancel} data-testid="action-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
