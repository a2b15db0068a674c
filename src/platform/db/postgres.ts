import pg from 'pg';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { copyTextChunks, type CopyValue } from './copy-text.ts';
import type { Db, Row, Tx } from './db.ts';
import { TYPE_OIDS, copyStatement } from './db.ts';

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
  const wrap = (client: pg.Pool | pg.PoolClient) => ({
    async query<T extends Row>(text: string, params?: readonly unknown[]) {
      const res = await client.query<T>({ text, values: params as unknown[] | undefined });
      return res.rows;
    },
    async exec(text: string) {
      await client.query(text);
    },
    async copyFrom(table: string, columns: readonly string[], values: readonly (readonly CopyValue[])[]) {
      if (client instanceof pg.Pool) {
        const c = await client.connect();
        try {
          return await copyFrom(c, table, columns, values);
        } finally {
          c.release();
        }
      }
      return copyFrom(client, table, columns, values);
    },
  });
  const copy = async (client: pg.PoolClient, table: string, columns: readonly string[], csv: string) => {
    const { from } = await import('pg-copy-streams');
    const stream = client.query(from(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
    await pipeline(Readable.from([csv]), stream);
  };
  const txClients = new WeakMap<Tx, pg.PoolClient>();
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction<T>(fn: (tx: Tx) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Tx = { inTransaction: true, ...wrap(client) };
        txClients.set(tx, client);
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
    async copyCsv(table, columns, csv, tx) {
      const existing = tx ? txClients.get(tx) : undefined;
      if (existing) return copy(existing, table, columns, csv);
      const client = await pool.connect();
      try {
        await copy(client, table, columns, csv);
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
