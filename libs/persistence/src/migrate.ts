import { MikroORM } from '@mikro-orm/core';
import { DatabaseSettings, ormOptions } from './orm-config';

/** Applies every pending migration; a step before boot, never inside it. */
export async function migrateDatabase(db?: DatabaseSettings): Promise<string[]> {
  const orm = await MikroORM.init(ormOptions(db));
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
