import { migrate } from '#platform/db/migrate.ts';
import { cliConfig, EXIT, openConfiguredDb, type Command } from './command.ts';

/** `migrate`: applies pending migrations and lists them. */
export const migrateCommand: Command = {
  name: 'migrate',
  synopsis: '',
  options: {},
  positionals: 0,
  async exec({ io, t }) {
    const db = io.db ?? (await openConfiguredDb(cliConfig(io.env)));
    try {
      const applied = await migrate(db);
      io.out(applied.length ? t.migrationsApplied({ list: applied.join(', ') }) : t.noPendingMigrations);
      return EXIT.ok;
    } finally {
      if (!io.db) await db.close();
    }
  },
};
