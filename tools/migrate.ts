import { loadConfig } from '@grif/core';
import { migrateDatabase } from '@grif/persistence';

async function main(): Promise<void> {
  // The same settings the API and the worker read (DATABASE_URL, GRIF_DATA_DIR, GRIF_SQLITE_PATH).
  const db = loadConfig().db;
  const applied = await migrateDatabase(db);
  const where = db.kind === 'sqlite' ? db.target : db.target.replace(/\/\/[^@]*@/, '//');
  console.log(
    applied.length
      ? `grif: applied ${applied.join(', ')} to ${db.kind} ${where}`
      : `grif: ${db.kind} ${where} is up to date`,
  );
}

main().catch((err: unknown) => {
  console.error('grif: migration failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
