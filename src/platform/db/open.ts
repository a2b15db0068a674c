import path from 'node:path';
import type { Db } from './db.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/** PostgreSQL when a URL is given, otherwise embedded PGlite in `<dataDir>/pglite` (or in memory). */
export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string; inMemory?: boolean }): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  if (opts.inMemory || !opts.dataDir) return openPglite(undefined);
  return openPglite(path.join(opts.dataDir, 'pglite'));
}
