import { existsSync } from 'node:fs';
import path from 'node:path';
import { recordAudit } from '#platform/audit.ts';
import { backupPglite, backupPostgres } from '#platform/db/backup.ts';
import type { Db } from '#platform/db/db.ts';
import { openPostgres } from '#platform/db/postgres.ts';
import { CliFailure, cliConfig, cliCtx, EXIT, humanSize, pgliteDir, type CliIo, type Command } from './command.ts';

/**
 * `backup FILE`: PGlite → the data folder as .tar.gz (the server must be stopped: PGlite is single-process);
 * PostgreSQL → `pg_dump --format=custom` (the server may keep running). The backup is audited.
 */
export const backupCommand: Command = {
  name: 'backup',
  synopsis: 'FILE',
  options: {},
  positionals: 1,
  async exec({ io, t, positionals }) {
    const file = path.resolve(positionals[0]!);
    if (existsSync(file)) throw new CliFailure((t) => t.fileExists({ file }));
    const config = cliConfig(io.env);
    let size: number;
    if (config.databaseUrl) {
      size = await backupPostgres(config.databaseUrl, file);
      const db = await openPostgres(config.databaseUrl, 1);
      try {
        await auditBackup(db, io, file);
      } finally {
        await db.close();
      }
    } else {
      size = await backupPglite(pgliteDir(config), file, (db) => auditBackup(db, io, file));
    }
    io.out(t.backupWritten({ file, size: humanSize(size) }));
    return EXIT.ok;
  },
};

async function auditBackup(db: Db, io: CliIo, file: string) {
  const ctx = cliCtx(db, io, 'backup');
  await db.transaction((tx) =>
    recordAudit(tx, ctx, { partyId: null, action: 'database.backup', targetType: 'database', targetId: null, after: { file } }),
  );
}
