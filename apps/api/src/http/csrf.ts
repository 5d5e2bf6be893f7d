import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { GrifError } from '@grif/domain';
import type { ErrorBody } from '@grif/contracts';
import { requestLang } from './grif-exception.filter';

/**
 * Cross-site request forgery (ASVS 5.0 V3.5): a page of another site must not make a signed-in browser change
 * anything. Three layers, each enough against today's browsers on its own:
 * - the session cookie is SameSite=Strict (auth/session-cookie.ts);
 * - an unsafe request whose `Origin` is not ours, or whose `Sec-Fetch-Site` says cross-site, is refused;
 * - a request that a session cookie authenticates must repeat the CSRF cookie in the `X-CSRF-Token` header
 *   (double submit): another origin can neither read that cookie nor send a custom header without CORS, which
 *   Grif never grants.
 * A Bearer-token client is not a browser riding on ambient cookies, so the token is not asked of it.
 */

/** The double-submit cookie; `__Host-` over HTTPS so no subdomain or plain-HTTP page can plant one. */
export const CSRF_COOKIE = 'grif_csrf';
export const CSRF_COOKIE_HTTPS = `__Host-${CSRF_COOKIE}`;
export const CSRF_HEADER = 'X-CSRF-Token';

/** The session cookie under either name (auth/session-cookie.ts): its presence means "authenticated by cookie". */
const SESSION_COOKIES = ['grif_session', '__Host-grif_session'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** 128 random bits (ASVS V3.5 / V7.2), URL-safe so the UI can copy it into a header as it is. */
const TOKEN_BYTES = 16;

/**
 * Login reads no session: it cannot be a forged use of one. It still gets the Origin and Sec-Fetch-Site check
 * (login CSRF), but not the token, so a browser holding an expired session cookie and no CSRF cookie can sign in.
 */
const TOKEN_EXEMPT = new Set(['/api/auth/login']);

/**
 * Bull Board (/admin/queues) is a third-party page that cannot send our header. There a cookie-authenticated
 * unsafe request must instead prove that it comes from our own page: `Sec-Fetch-Site: same-origin` or an `Origin`
 * equal to ours (every current browser sends one of them on a POST, PUT or DELETE).
 */
const PROVEN_BY_ORIGIN = /^\/admin\/queues(\/|$)/;

const cookieName = (req: Request) => (req.secure ? CSRF_COOKIE_HTTPS : CSRF_COOKIE);

function cookies(req: Request): Record<string, string | undefined> {
  return (req.cookies as Record<string, string | undefined> | undefined) ?? {};
}

/** Sets a fresh CSRF cookie (login, and GET /api/me when it is missing). Readable by the UI's script on purpose. */
export function issueCsrfCookie(req: Request, res: Response, maxAgeMs?: number): string {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  res.cookie(cookieName(req), token, {
    httpOnly: false,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
    ...(maxAgeMs === undefined ? {} : { maxAge: maxAgeMs }),
  });
  return token;
}

/**
 * This server's own origin as the browser saw it: scheme and host with its port, both honouring `trust proxy`
 * (X-Forwarded-Proto, X-Forwarded-Host) behind a proxy, else the connection and the Host header.
 */
function ownOrigin(req: Request): { protocol: string; host: string } | undefined {
  const host = req.host;
  return host ? { protocol: req.protocol, host: host.toLowerCase() } : undefined;
}

/**
 * Whether an `Origin` header names this server. An https origin for a request that reached us as http is still ours:
 * a TLS-terminating proxy without GRIF_TRUST_PROXY. The reverse (an http page posting to our https) is not.
 */
export function isOwnOrigin(origin: string, req: Request): boolean {
  const own = ownOrigin(req);
  if (!own || origin === 'null') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.host.toLowerCase() !== own.host) return false;
  const scheme = url.protocol.slice(0, -1);
  return scheme === own.protocol || (scheme === 'https' && own.protocol === 'http');
}

function sameToken(header: string | undefined, cookie: string | undefined): boolean {
  if (!header || !cookie) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(cookie);
  return a.length === b.length && timingSafeEqual(a, b);
}

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** Why an unsafe request is refused, or undefined when it may go on. */
export function csrfRefusal(req: Request): string | undefined {
  if (SAFE_METHODS.has(req.method)) return undefined;
  const site = header(req, 'sec-fetch-site');
  if (site === 'cross-site') return 'Sec-Fetch-Site: cross-site';
  const origin = header(req, 'origin');
  if (origin !== undefined && !isOwnOrigin(origin, req)) return `foreign Origin ${origin.slice(0, 100)}`;
  if (header(req, 'authorization')?.startsWith('Bearer ')) return undefined;
  const jar = cookies(req);
  if (!SESSION_COOKIES.some((name) => jar[name])) return undefined;
  if (TOKEN_EXEMPT.has(req.path)) return undefined;
  if (PROVEN_BY_ORIGIN.test(req.path)) {
    return site === 'same-origin' || origin !== undefined ? undefined : 'no Origin or Sec-Fetch-Site';
  }
  return sameToken(header(req, CSRF_HEADER), jar[cookieName(req)]) ? undefined : `no matching ${CSRF_HEADER}`;
}

/**
 * The check, as Express middleware ahead of body parsing and every route: a forged request is refused before any
 * of its body is read. GET /api/me hands a CSRF cookie to a session that has none (signed in before this check
 * existed, or the cookie was cleared), so the UI can go on.
 */
export function csrfProtection(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' && req.path === '/api/me' && !cookies(req)[cookieName(req)]) issueCsrfCookie(req, res);
    if (csrfRefusal(req) === undefined) return next();
    // Outside Nest's exception filter: the same error body, written here.
    const err = new GrifError('forbidden', 'CSRF_REJECTED');
    const body: ErrorBody = { statusCode: 403, code: err.code, message: err.localized(requestLang(req)) };
    res.status(403).json(body);
  };
}
