import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiModule } from '../apps/api/src/api.module';
import { openApiDocument } from '../apps/api/src/http/openapi';

/**
 * The document `/api/docs-json` serves, without a database or Redis: in preview mode Nest reads the
 * controllers' metadata and instantiates nothing, so no configuration, database or Redis is needed.
 */
export async function offlineOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(
    ApiModule.forRoot({
      useFactory: () => {
        throw new Error('preview mode builds no provider');
      },
    }),
    { preview: true, logger: false },
  );
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}

export const documentText = (doc: OpenAPIObject) => `${JSON.stringify(doc, null, 2)}\n`;

/** `node dist/tools/openapi-document.js <file>` (npm run openapi:types): the UI's types are generated from it. */
async function main(target: string | undefined): Promise<void> {
  if (!target) throw new Error('usage: openapi-document <output.json>');
  writeFileSync(target, documentText(await offlineOpenApiDocument()));
}

if (require.main === module) {
  main(process.argv[2]).catch((err: unknown) => {
    console.error('openapi-document:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
