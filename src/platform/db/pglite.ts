import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { CopyTextReader, copyTextChunks, type CopyRow } from './copy-text.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { copyStatement, copyToStatement, mapped, type Db, type Row, type Tx } from './db.ts';

/** Result parsing shared by every PGlite instance (see TYPE_OIDS in db.ts). */
export const PGLITE_PARSERS = {
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
};

/** The lock file of a PGlite folder: beside it, so backups of the folder and restores (a rename) leave it be. */
export function pgliteLockFile(dataDir: string): string {
  return `${dataDir.replace(/[\\/]+$/, '')}.lock`;
}

/**
 * Opens embedded PGlite on a data folder, or in memory when dataDir is undefined. A folder is locked first
 * (data-dir-lock.ts): while another live process holds it, this throws DataDirInUseError naming that process.
 * Closing the database releases the lock.
 */
export async function openPglite(dataDir?: string, label = 'server'): Promise<Db> {
  return (await openPgliteLocked(dataDir, label)).db;
}

export async function openPgliteLocked(dataDir: string | undefined, label: string): Promise<{ db: Db; pglite: PGlite }> {
  if (!dataDir) {
    const pglite = await PGlite.create(undefined, { parsers: PGLITE_PARSERS });
    return { db: wrapPglite(pglite), pglite };
  }
  mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const lock = lockDataDir(pgliteLockFile(dataDir), label);
  try {
    mkdirSync(dataDir, { recursive: true });
    const pglite = await PGlite.create(dataDir, { parsers: PGLITE_PARSERS });
    const db = wrapPglite(pglite);
    const close = db.close.bind(db);
    db.close = async () => {
      try {
        await close();
      } finally {
        lock.release();
      }
    };
    return { db, pglite };
  } catch (e) {
    lock.release();
    throw e;
  }
}

/** A statement that cannot write (a plain SELECT); anything else counts as a possible write. */
const READ_ONLY = /^\s*select\b/i;

export function wrapPglite(pg: PGlite): Db {
  // Counted when the statement or transaction has finished (committed or not), never before: see Db.writeCount.
  let writes = 0;
  const counted = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } finally {
      writes++;
    }
  };
  // COPY FROM '/dev/blob': PGlite hands the blob to the server as the COPY's input.
  const copyFrom = async (q: Pick<PGlite, 'query'> | Transaction, table: string, columns: readonly string[], values: readonly (readonly unknown[])[]) => {
    const blob = new Blob([...copyTextChunks(values as never)]);
    const res = await q.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob });
    return res.affectedRows ?? 0;
  };
  // COPY (…) TO '/dev/blob': PGlite hands back what the server wrote as a blob.
  const copyTo = async (q: Pick<PGlite, 'query'> | Transaction, select: string, onRow: (row: CopyRow) => void) => {
    const res = await q.query(copyToStatement(select, "'/dev/blob'"));
    const reader = new CopyTextReader(onRow);
    if (res.blob) reader.push(await res.blob.text());
    return reader.end();
  };
  return {
    kind: 'pglite',
    writeCount: () => writes,
    // Failures are mapped once here (db.ts mapDatabaseError): refused input is a 400, a closed database a 503.
    query<T extends Row>(text: string, params?: readonly unknown[]) {
      return mapped(async () => {
        const run = pg.query<T>(text, params as unknown[] | undefined);
        const res = READ_ONLY.test(text) ? await run : await counted(run);
        return res.rows;
      });
    },
    exec(text: string) {
      return mapped(async () => {
        await counted(pg.exec(text));
      });
    },
    transaction<T>(fn: (tx: Tx) => Promise<T>) {
      return mapped(() =>
        counted(
          pg.transaction(async (t) => {
            const tx: Tx = {
              inTransaction: true,
              kind: 'pglite',
              query<R extends Row>(text: string, params?: readonly unknown[]) {
                return mapped(async () => (await t.query<R>(text, params as unknown[] | undefined)).rows);
              },
              exec(text: string) {
                return mapped(async () => {
                  await t.exec(text);
                });
              },
              copyFrom: (table, columns, values) => mapped(() => copyFrom(t, table, columns, values)),
              copyTo: (select, onRow) => mapped(() => copyTo(t, select, onRow)),
            };
            return fn(tx);
          }),
        ),
      );
    },
    copyFrom: (table, columns, values) => mapped(() => counted(copyFrom(pg, table, columns, values))),
    copyTo: (select, onRow) => mapped(() => copyTo(pg, select, onRow)),
    async close() {
      await pg.close();
    },
  };
}
