import { databaseSettings, migrateDatabase } from '@grif/persistence';

async function main(): Promise<void> {
  const db = databaseSettings();
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
