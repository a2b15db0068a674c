import { existsSync } from 'node:fs';
import path from 'node:path';
import { recordAudit } from '#platform/audit.ts';
import { lockPgliteDir, pgliteTargetOccupied, postgresOccupied, restorePglite, restorePostgres } from '#platform/db/backup.ts';
import type { Db } from '#platform/db/db.ts';
import { openPostgres } from '#platform/db/postgres.ts';
import { CliFailure, cliConfig, cliCtx, EXIT, pgliteDir, type CliIo, type Command } from './command.ts';

/**
 * `restore FILE [--force]`: replaces the database with a backup made by `backup`. A database that holds
 * data is replaced only with --force. PGlite: the backup is loaded into a fresh folder and swapped in; the
 * old folder is kept aside. PostgreSQL: `pg_restore --clean --if-exists --no-owner` in one transaction.
 */
export const restoreCommand: Command = {
  name: 'restore',
  synopsis: 'FILE [--force]',
  options: { force: { type: 'boolean', help: 'force' } },
  positionals: 1,
  async exec({ io, t, positionals, values }) {
    const file = path.resolve(positionals[0]!);
    if (!existsSync(file)) throw new CliFailure((t) => t.fileUnreadable({ file, reason: 'ENOENT' }));
    const force = values.force === true;
    const config = cliConfig(io.env);
    if (config.databaseUrl) {
      const url = config.databaseUrl;
      const db = await openPostgres(url, 1);
      try {
        if (!force && (await postgresOccupied(db))) throw new CliFailure((t) => t.targetNotEmpty({ target: redact(url) }));
      } finally {
        await db.close();
      }
      await restorePostgres(url, file);
      const after = await openPostgres(url, 1);
      try {
        await auditRestore(after, io, file);
      } finally {
        await after.close();
      }
      io.out(t.restored({ file }));
    } else {
      const dir = pgliteDir(config);
      // Held from the check to the swap: no server can open the folder in between (or be running on it).
      const lock = lockPgliteDir(dir, 'cli:restore');
      try {
        if (!force && pgliteTargetOccupied(dir)) throw new CliFailure((t) => t.targetNotEmpty({ target: dir }));
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const { previousDir } = await restorePglite(file, dir, stamp, (db) => auditRestore(db, io, file));
        io.out(t.restored({ file }));
        if (previousDir) io.out(t.previousMovedTo({ dir: previousDir }));
      } finally {
        lock.release();
      }
    }
    io.out(t.restartServer);
    return EXIT.ok;
  },
};

async function auditRestore(db: Db, io: CliIo, file: string) {
  const ctx = cliCtx(db, io, 'restore');
  await db.transaction((tx) =>
    recordAudit(tx, ctx, { partyId: null, action: 'database.restore', targetType: 'database', targetId: null, after: { file } }),
  );
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
