import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { GrifRuntime } from '@grif/runtime';
import { AppModule } from './app.module';

/** Builds the HTTP app around a started runtime (used by main and by the API tests). */
export async function createApiApp(rt: GrifRuntime, opts: { logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRuntime(rt), { logger: opts.logger ?? ['error', 'warn', 'log'] });
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  const config = new DocumentBuilder()
    .setTitle('Grif API')
    .setDescription('Records management and information security of school No. 35 (Sh. Suerkulov)')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config));
  return app;
}
