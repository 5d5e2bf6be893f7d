import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { strictTransportSecurity } from 'helmet';
import onHeaders from 'on-headers';

/**
 * The browser defences every answer of Grif carries (ASVS 5.0 V3.4): the API's JSON, CSV and PDF, the UI's pages
 * and assets, /health, the API docs, the queue board, and every error (404, 401, 413…). Registered before anything
 * else answers, so no route, static file or early refusal goes out without them.
 */

/**
 * The UI is a Vite build: module scripts and one stylesheet from our own origin, no inline script, no eval.
 * Images may be data: URIs (the favicon in index.html is one). Nothing may frame any page (clickjacking);
 * no plugins; forms post only to us; a <base> cannot point elsewhere.
 * No `upgrade-insecure-requests`: a school that serves Grif over plain HTTP on its own network would lose every asset.
 */
const DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Swagger UI (/api/docs) and Bull Board (/admin/queues) are third-party pages with inline <style> blocks and style
 * attributes; their scripts are still files of ours. Inline styles cannot run code, so only they are allowed there.
 */
const THIRD_PARTY_PAGES = /^\/(api\/docs|admin\/queues)(\/|$)/;

/** No powerful browser feature is used by any page of Grif: each is switched off, for frames too. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'browsing-topics=()',
].join(', ');

/** One year, subdomains too (ASVS L2); sent only on answers that came over HTTPS, where a browser heeds it. */
const HSTS_MAX_AGE_S = 365 * 24 * 3600;

const withPolicy = (styleSrc: string[]) =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...DIRECTIVES, styleSrc } },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    // Over HTTPS only: see hsts below. Helmet would send it on plain HTTP as well.
    strictTransportSecurity: false,
  });

const ourPages = withPolicy(["'self'"]);
const thirdPartyPages = withPolicy(["'self'", "'unsafe-inline'"]);
const hsts = strictTransportSecurity({ maxAge: HSTS_MAX_AGE_S, includeSubDomains: true });

/** `/api` and everything under it: nothing the API answers may stay in a cache (classified registers, acts). */
const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * The headers themselves. HSTS goes out only when the request came over HTTPS (`req.secure`, which honours the
 * `trust proxy` setting behind a TLS-terminating proxy). `Cache-Control: no-store` on /api is written when the
 * answer's headers go out (on-headers), so a handler or static-file middleware (the docs' files) that set its own
 * caching cannot weaken it.
 */
export function securityHeaders(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    // Decided now: a mounted router (the docs' files, Bull Board) rewrites req.url before the headers go out.
    const api = isApi(req.path);
    onHeaders(res, function () {
      // Bull Board is an Express app of its own, which names itself again: the stack is nobody's business.
      this.removeHeader('X-Powered-By');
      if (api) this.setHeader('Cache-Control', 'no-store');
    });
    const policy = THIRD_PARTY_PAGES.test(req.path) ? thirdPartyPages : ourPages;
    policy(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (req.secure) return hsts(req, res, next);
      next();
    });
  };
}
