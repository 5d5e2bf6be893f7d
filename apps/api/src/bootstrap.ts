import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GRIF_CONFIG, type GrifConfig } from '@grif/core';
import { csrfProtection } from './http/csrf';
import { setupOpenApi } from './http/openapi';
import { securityHeaders } from './http/security-headers';
import { PathParameterPipe } from './http/path-parameter-pipe';
import { afterBody, beforeBody, parserErrors } from './http/request-edge';

/** The built admin UI (apps/admin/dist), from the source tree or from dist/. */
function adminDist(): string | undefined {
  return [resolve(__dirname, '../../admin/dist'), resolve(__dirname, '../../../../apps/admin/dist')].find((d) =>
    existsSync(join(d, 'index.html')),
  );
}

/**
 * Serves the UI at / with a fallback to index.html for client-side routes; /api, /admin and /health stay the server's,
 * and so does any path that names a file.
 */
function serveAdminUi(app: NestExpressApplication): void {
  const dir = adminDist();
  if (!dir) return;
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || /^\/(api|admin|health)(\/|$)/.test(req.path)) return next();
    // A missing file (a source map above all: the build makes none) is a 404, not the page.
    if (/\.[^/]*$/.test(req.path)) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
}

/** What every HTTP app of Grif gets on top of its module (main and the API tests alike). */
export function configureHttp(nest: INestApplication): INestApplication {
  const app = nest as NestExpressApplication;
  // Behind a reverse proxy: which X-Forwarded-For/-Proto to believe, so req.ip (the sign-in throttle, the
  // session's client) and req.secure (the __Host- cookie, HSTS, CSRF's own origin) are the client's; none by default.
  const { trustProxy } = nest.get<GrifConfig>(GRIF_CONFIG);
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  // First of all, so every answer carries them, errors and static files included.
  app.use(securityHeaders());
  app.use(cookieParser());
  // Before the body parsers: a forged request is refused unread.
  app.use(csrfProtection());
  // Hostile input is refused here, before any route or query runs (docs/security.md "Input").
  app.use(beforeBody);
  app.useBodyParser('json', { limit: '1mb' });
  app.use(parserErrors);
  app.use(afterBody);
  app.useGlobalPipes(new PathParameterPipe());
  app.disable('x-powered-by');
  setupOpenApi(app);
  serveAdminUi(app);
  return app;
}
