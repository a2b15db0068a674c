import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { DataDirInUseError, lockDataDir, type DataDirLock, type LockHolder } from './data-dir-lock.ts';
import type { Db } from './db.ts';
import { openPgliteLocked, PGLITE_PARSERS, pgliteLockFile, wrapPglite } from './pglite.ts';

/**
 * Backup and restore of both databases:
 * - PGlite: the whole data folder as a gzipped tar (`dumpDataDir('gzip')`), restored into a fresh folder;
 * - PostgreSQL: `pg_dump --format=custom` / `pg_restore --clean --if-exists --no-owner`.
 * Failures are BackupError with a reason code the command line translates.
 */
export type BackupFailure =
  | { reason: 'in_use'; dir: string; holder: LockHolder }
  | { reason: 'no_database'; dir: string }
  | { reason: 'not_a_backup'; file: string; detail: string }
  | { reason: 'tool_missing'; tool: string }
  | { reason: 'tool_failed'; tool: string; code: number; stderr: string };

export class BackupError extends Error {
  constructor(readonly failure: BackupFailure) {
    super(failure.reason);
    this.name = 'BackupError';
  }
}

export function pgliteExists(dir: string): boolean {
  return existsSync(path.join(dir, 'PG_VERSION'));
}

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

function asBackupError(dir: string, e: unknown): unknown {
  return e instanceof DataDirInUseError ? new BackupError({ reason: 'in_use', dir, holder: e.holder }) : e;
}

/**
 * Opens a PGlite folder for the command line under the folder's lock (data-dir-lock.ts). Two processes on
 * one folder lose writes, so a folder that another live process holds (the server) is refused; a lock left
 * by a killed process is taken over. Closing `db` releases the lock.
 */
export async function openPgliteExclusive(dir: string, label = 'cli'): Promise<{ db: Db; pglite: PGlite }> {
  try {
    return await openPgliteLocked(dir, label);
  } catch (e) {
    throw asBackupError(dir, e);
  }
}

/** Takes the folder's lock without opening it (restore swaps the folder while holding it). */
export function lockPgliteDir(dir: string, label: string): DataDirLock {
  mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  try {
    return lockDataDir(pgliteLockFile(dir), label);
  } catch (e) {
    throw asBackupError(dir, e);
  }
}

/** Writes the PGlite data folder as .tar.gz to `file` (via a temporary name, so a failed backup leaves no file). */
export async function backupPglite(dir: string, file: string, afterDump?: (db: Db) => Promise<void>): Promise<number> {
  if (!pgliteExists(dir)) throw new BackupError({ reason: 'no_database', dir });
  const { db, pglite } = await openPgliteExclusive(dir, 'cli:backup');
  try {
    const blob = await pglite.dumpDataDir('gzip');
    const bytes = Buffer.from(await blob.arrayBuffer());
    const partial = `${file}.partial`;
    writeFileSync(partial, bytes, { mode: 0o600 });
    renameSync(partial, file);
    if (afterDump) await afterDump(db);
    return bytes.length;
  } finally {
    await db.close();
  }
}

export interface PgliteRestoreResult {
  /** Where the replaced database was moved, when there was one. */
  previousDir: string | null;
}

/**
 * Why the bytes are not a gzipped tar (a PGlite dump), or null when they are. Checked before PGlite
 * sees them: PGlite decompresses in a stream whose failure escapes as an unhandled rejection.
 */
function notAGzippedTar(bytes: Buffer): string | null {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return 'not gzip';
  let tar: Buffer;
  try {
    tar = gunzipSync(bytes);
  } catch (e) {
    return `gzip: ${(e as Error).message}`;
  }
  // POSIX tar: "ustar" at offset 257 of the first header.
  return tar.subarray(257, 262).toString('latin1') === 'ustar' ? null : 'not a tar archive';
}

/** True when a restore would replace something: the folder holds files. */
export function pgliteTargetOccupied(dir: string): boolean {
  return !isEmptyDir(dir);
}

/**
 * Loads a PGlite backup into a fresh folder next to `dir`, checks that it is this service's database,
 * then swaps it in. The caller holds the folder's lock (lockPgliteDir). The replaced folder is kept (renamed) so a mistaken restore can be undone.
 */
export async function restorePglite(
  file: string,
  dir: string,
  stamp: string,
  afterLoad?: (db: Db) => Promise<void>,
): Promise<PgliteRestoreResult> {
  const bytes = readFileSync(file);
  const notTar = notAGzippedTar(bytes);
  if (notTar) throw new BackupError({ reason: 'not_a_backup', file, detail: notTar });
  const fresh = `${dir}.restoring-${stamp}`;
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(fresh, { recursive: true });
  let pglite: PGlite | undefined;
  try {
    try {
      pglite = await PGlite.create(fresh, { parsers: PGLITE_PARSERS, loadDataDir: new Blob([bytes]) });
    } catch (e) {
      throw new BackupError({ reason: 'not_a_backup', file, detail: (e as Error).message });
    }
    try {
      await pglite.query('SELECT id FROM schema_migration LIMIT 1');
    } catch {
      throw new BackupError({ reason: 'not_a_backup', file, detail: 'schema_migration missing' });
    }
    if (afterLoad) await afterLoad(wrapPglite(pglite));
    await pglite.close();
    pglite = undefined;
  } catch (e) {
    if (pglite) await pglite.close().catch(() => {});
    rmSync(fresh, { recursive: true, force: true });
    throw e;
  }
  let previousDir: string | null = null;
  if (existsSync(dir)) {
    if (isEmptyDir(dir)) rmSync(dir, { recursive: true, force: true });
    else {
      previousDir = `${dir}.before-restore-${stamp}`;
      renameSync(dir, previousDir);
    }
  }
  renameSync(fresh, dir);
  return { previousDir };
}

/**
 * Connection for pg_dump/pg_restore: the URL without its password (a command line is visible to every
 * user of the machine in the process list); the password goes in PGPASSWORD.
 */
function pgTarget(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env };
}

function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (stderr.length < 20_000) stderr += d;
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(e.code === 'ENOENT' ? new BackupError({ reason: 'tool_missing', tool }) : e);
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new BackupError({ reason: 'tool_failed', tool, code: code ?? -1, stderr: stderr.trim() }));
    });
  });
}

/** `pg_dump --format=custom` into `file` (via a temporary name). Returns the size in bytes. */
export async function backupPostgres(databaseUrl: string, file: string): Promise<number> {
  const { dbname, env } = pgTarget(databaseUrl);
  const partial = `${file}.partial`;
  try {
    await runTool('pg_dump', ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${dbname}`], env);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  renameSync(partial, file);
  return statSync(file).size;
}

/** True when the database already holds this service's tables. */
export async function postgresOccupied(db: Db): Promise<boolean> {
  const rows = await db.query<{ t: string | null }>(`SELECT to_regclass('schema_migration')::text AS t`);
  return rows[0]?.t != null;
}

/**
 * `pg_restore --clean --if-exists --no-owner` in one transaction: either the whole backup is restored
 * or nothing changes.
 */
export async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  const { dbname, env } = pgTarget(databaseUrl);
  await runTool(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--no-password', `--dbname=${dbname}`, file],
    env,
  );
}
