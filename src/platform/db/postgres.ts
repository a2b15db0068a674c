import pg from 'pg';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CopyTextReader, copyTextChunks, type CopyRow, type CopyValue } from './copy-text.ts';
import type { Db, Row, Tx } from './db.ts';
import { TYPE_OIDS, copyStatement, copyToStatement, isConnectionLost, mapDatabaseError, mapped } from './db.ts';

/** A statement that cannot write: retried once on another connection when the first one was lost. */
const READ_ONLY = /^\s*select\b/i;
const RETRY_DELAY_MS = 250;

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TYPE_OIDS.int8 || oid === TYPE_OIDS.numeric) return (v: string) => Number(v);
    if (oid === TYPE_OIDS.date) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

export async function openPostgres(url: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max, types });
  pool.on('error', () => {
    /* idle client errors are reported on next use */
  });
  // Fail fast with a clear error if the server is unreachable.
  const c = await pool.connect();
  c.release();
  // COPY … FROM STDIN through pg-copy-streams, fed in chunks of COPY text.
  const copyFrom = async (client: pg.PoolClient, table: string, columns: readonly string[], values: readonly (readonly CopyValue[])[]) => {
    const { from } = await import('pg-copy-streams');
    const stream = client.query(from(copyStatement(table, columns, 'STDIN')));
    await pipeline(Readable.from(copyTextChunks(values)), stream);
    return stream.rowCount;
  };
  // COPY (…) TO STDOUT through pg-copy-streams, split into rows as the pieces arrive.
  const copyTo = async (client: pg.PoolClient, select: string, onRow: (row: CopyRow) => void) => {
    const { to } = await import('pg-copy-streams');
    const reader = new CopyTextReader(onRow);
    const decoder = new TextDecoder();
    for await (const piece of client.query(to(copyToStatement(select, 'STDOUT')))) reader.push(decoder.decode(piece as Uint8Array, { stream: true }));
    reader.push(decoder.decode());
    return reader.end();
  };
  /** A client of the pool for one COPY, or the transaction's own. */
  const withClient = async <T>(client: pg.Pool | pg.PoolClient, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    if (!(client instanceof pg.Pool)) return fn(client);
    const c = await client.connect();
    let lost = false;
    const onError = () => {
      lost = true; // see transaction(): the failing statement reports it
    };
    c.on('error', onError);
    try {
      return await fn(c);
    } finally {
      c.off('error', onError);
      c.release(lost || undefined);
    }
  };
  // Failures are mapped once here (db.ts mapDatabaseError): refused input is a 400, a lost database a 503.
  const wrap = (client: pg.Pool | pg.PoolClient) => ({
    query<T extends Row>(text: string, params?: readonly unknown[]) {
      return mapped(async () => {
        const run = async () => (await client.query<T>({ text, values: params as unknown[] | undefined })).rows;
        // Outside a transaction a read is safe to repeat: a connection lost under it (a restart, a fail-over)
        // is retried once on a new one from the pool before the request fails with 503.
        if (!(client instanceof pg.Pool) || !READ_ONLY.test(text)) return run();
        try {
          return await run();
        } catch (e) {
          if (!isConnectionLost(e)) throw e;
          await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
          return run();
        }
      });
    },
    exec(text: string) {
      return mapped(async () => {
        await client.query(text);
      });
    },
    copyFrom: (table: string, columns: readonly string[], values: readonly (readonly CopyValue[])[]) =>
      mapped(() => withClient(client, (c) => copyFrom(c, table, columns, values))),
    copyTo: (select: string, onRow: (row: CopyRow) => void) => mapped(() => withClient(client, (c) => copyTo(c, select, onRow))),
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction<T>(fn: (tx: Tx) => Promise<T>) {
      const client = await mapped(() => pool.connect());
      let lost = false;
      // A connection lost while checked out is also emitted as 'error' on the client: without a listener that
      // would end the process (the running statement fails with it anyway, and is mapped below).
      const onError = () => {
        lost = true;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const tx: Tx = { inTransaction: true, kind: 'postgres', ...wrap(client) };
        const result = await fn(tx);
        await mapped(() => client.query('COMMIT'));
        return result;
      } catch (err) {
        lost = isConnectionLost(err) || (err instanceof Error && err.name === 'AppError' && (err as { kind?: string }).kind === 'unavailable');
        await client.query('ROLLBACK').catch(() => {});
        throw mapDatabaseError(err);
      } finally {
        // A client whose connection was lost is not given back to the pool.
        client.off('error', onError);
        client.release(lost || undefined);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
