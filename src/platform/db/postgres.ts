import pg from 'pg';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CopyTextReader, copyTextChunks, type CopyRow, type CopyValue } from './copy-text.ts';
import type { Db, Row, Tx } from './db.ts';
import { TYPE_OIDS, copyStatement, copyToStatement } from './db.ts';

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
    try {
      return await fn(c);
    } finally {
      c.release();
    }
  };
  const wrap = (client: pg.Pool | pg.PoolClient) => ({
    async query<T extends Row>(text: string, params?: readonly unknown[]) {
      const res = await client.query<T>({ text, values: params as unknown[] | undefined });
      return res.rows;
    },
    async exec(text: string) {
      await client.query(text);
    },
    copyFrom: (table: string, columns: readonly string[], values: readonly (readonly CopyValue[])[]) =>
      withClient(client, (c) => copyFrom(c, table, columns, values)),
    copyTo: (select: string, onRow: (row: CopyRow) => void) => withClient(client, (c) => copyTo(c, select, onRow)),
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction<T>(fn: (tx: Tx) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Tx = { inTransaction: true, kind: 'postgres', ...wrap(client) };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
