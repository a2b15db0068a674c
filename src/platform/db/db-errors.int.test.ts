import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DB_KIND } from '../../../tests/support/db.ts';
import { isAppError } from '../errors.ts';
import type { Db } from './db.ts';

/**
 * Issue 8 finding 6 at its mechanism: every statement's failure is mapped in platform/db — input the database
 * refuses is an 'invalid' AppError (400), a lost database 'unavailable' (503); on PostgreSQL a read whose
 * connection is lost is retried once on another connection.
 */
let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

const kindOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (isAppError(e) ? e.kind : `raw: ${String(e)}`),
  );

describe('refused input', () => {
  it('a NUL in text, a number beyond integer and text that is not a number are invalid input, in and out of transactions', async () => {
    expect(await kindOf(db.query('SELECT count(*) FROM party WHERE name_fi ILIKE $1', ['x\u0000y']))).toBe('invalid');
    expect(await kindOf(db.query('SELECT $1::integer AS n', ['2147483648']))).toBe('invalid');
    expect(await kindOf(db.query('SELECT $1::bigint AS n', ['1e+20']))).toBe('invalid');
    expect(await kindOf(db.query('SELECT $1::uuid AS id', ['not-a-uuid']))).toBe('invalid');
    expect(await kindOf(db.transaction((tx) => tx.query('SELECT $1::text AS t', ['a\u0000'])))).toBe('invalid');
    // Other failures stay what they are.
    expect(await kindOf(db.query('SELECT no_such_column FROM party'))).toMatch(/^raw:/);
    expect(await kindOf(db.query('SELECT 1 AS one'))).toBe('ok');
  });
});

describe.runIf(TEST_DB_KIND === 'postgres')('a lost PostgreSQL connection', () => {
  const url = () => {
    const u = new URL(process.env.TEST_DATABASE_URL!);
    return u.toString();
  };
  /** Terminates, after `ms`, the backends running a statement containing `marker`; resolves with how many. */
  async function terminateSoon(marker: string, ms: number): Promise<number> {
    const admin = new pg.Client({ connectionString: url() });
    await admin.connect();
    try {
      await new Promise((r) => setTimeout(r, ms));
      const rows = await admin.query<{ t: boolean }>(`SELECT pg_terminate_backend(pid) AS t FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()`, [`%${marker}%`]);
      return rows.rows.filter((r) => r.t).length;
    } finally {
      await admin.end();
    }
  }

  it('a read is retried once on another connection', async () => {
    const marker = `retry_probe_${Date.now()}`;
    const [rows, killed] = await Promise.all([db.query<{ n: number }>(`SELECT 42 AS n, pg_sleep(0.6) AS ${marker}`), terminateSoon(marker, 200)]);
    expect(killed).toBe(1);
    expect(rows[0]!.n).toBe(42);
  });

  it('a write is not repeated: it fails as unavailable (503), and the pool recovers', async () => {
    const marker = `write_probe_${Date.now()}`;
    const [kind, killed] = await Promise.all([kindOf(db.transaction((tx) => tx.query(`SELECT pg_sleep(0.6) AS ${marker}`))), terminateSoon(marker, 200)]);
    expect(killed).toBe(1);
    expect(kind).toBe('unavailable');
    expect(await kindOf(db.query('SELECT 1 AS one'))).toBe('ok');
  });
});

describe('a closed database', () => {
  it('is unavailable', async () => {
    const closed = await createTestDb();
    await closed.close();
    expect(await kindOf(closed.query('SELECT 1 AS one'))).toBe('unavailable');
  });
});
