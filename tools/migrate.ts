import { loadConfig } from '@grif/core';
import { migrateDatabase, ownerDatabaseSettings } from '@grif/persistence';

async function main(): Promise<void> {
  // The same settings the API and the worker read (DATABASE_URL, GRIF_DATA_DIR, GRIF_SQLITE_PATH), then, on
  // PostgreSQL, the owner's role when DATABASE_OWNER_URL names one: it migrates and grants the app its rights.
  const config = loadConfig();
  const { db, appRole } = process.env.DATABASE_OWNER_URL?.trim() ? ownerDatabaseSettings() : { db: config.db };
  const applied = await migrateDatabase(db, { appRole });
  const where = db.kind === 'sqlite' ? db.target : db.target.replace(/\/\/[^@]*@/, '//');
  console.log(
    applied.length
      ? `grif: applied ${applied.join(', ')} to ${db.kind} ${where}`
      : `grif: ${db.kind} ${where} is up to date`,
  );
  if (appRole) console.log(`grif: ${appRole} may read and append to the history, never change it`);
}

main().catch((err: unknown) => {
  console.error('grif: migration failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
