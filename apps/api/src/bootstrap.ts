import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GrifRuntime } from '@grif/runtime';
import { AppModule } from './app.module';
import { setupOpenApi } from './http/openapi';

/** The built admin UI (apps/admin/dist), from the source tree or from dist/. */
function adminDist(): string | undefined {
  return [resolve(__dirname, '../../admin/dist'), resolve(__dirname, '../../../../apps/admin/dist')].find((d) => existsSync(join(d, 'index.html')));
}

/** Serves the UI at / with a fallback to index.html for client-side routes; /api and /health stay the API's. */
function serveAdminUi(app: NestExpressApplication): void {
  const dir = adminDist();
  if (!dir) return;
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/health')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
}

/** Builds the HTTP app around a started runtime (used by main and by the API tests). */
export async function createApiApp(rt: GrifRuntime, opts: { logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRuntime(rt), { logger: opts.logger ?? ['error', 'warn', 'log'] });
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  setupOpenApi(app);
  serveAdminUi(app);
  return app;
}
