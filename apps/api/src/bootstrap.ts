import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setupOpenApi } from './http/openapi';

/** The built admin UI (apps/admin/dist), from the source tree or from dist/. */
function adminDist(): string | undefined {
  return [resolve(__dirname, '../../admin/dist'), resolve(__dirname, '../../../../apps/admin/dist')].find((d) =>
    existsSync(join(d, 'index.html')),
  );
}

/** Serves the UI at / with a fallback to index.html for client-side routes; /api, /admin and /health stay the server's. */
function serveAdminUi(app: NestExpressApplication): void {
  const dir = adminDist();
  if (!dir) return;
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || /^\/(api|admin|health)(\/|$)/.test(req.path)) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
}

/** What every HTTP app of Grif gets on top of its module (main and the API tests alike). */
export function configureHttp(nest: INestApplication): INestApplication {
  const app = nest as NestExpressApplication;
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  app.disable('x-powered-by');
  setupOpenApi(app);
  serveAdminUi(app);
  return app;
}
