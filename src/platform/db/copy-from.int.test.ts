import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../tests/support/db.ts';
import { arrayLiteral, copyField, type CopyRow } from './copy-text.ts';
import type { Db } from './db.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  await db.exec(`CREATE TABLE copy_probe (id integer NOT NULL, label text, amount double precision, flag boolean, at timestamptz)`);
});
afterAll(async () => {
  await db?.close();
});

const rows = () => db.query<{ id: number; label: string | null; amount: number | null; flag: boolean | null; at: Date | null }>(
  'SELECT id, label, amount, flag, at FROM copy_probe ORDER BY id',
);

describe('copyFrom (COPY text format on both databases)', () => {
  it('loads text that needs escaping, NULLs, numbers, booleans and dates exactly', async () => {
    const labels = ['tab\there', 'two\nlines', 'cr\r\nlf', 'back\\slash \\N \\t', `"quoted" and 'single'`, '', null, 'ääkköset ✓ 🙂', 'NULL', '\\'];
    const n = labels.length;
    const loaded = await db.copyFrom('copy_probe', ['id', 'label', 'amount', 'flag', 'at'], [
      labels.map((_, i) => i + 1),
      labels,
      [1.5, -0, 1e-300, 123456789.123456, Number.MAX_VALUE, 0.1 + 0.2, null, 42, Infinity, -Infinity],
      [true, false, null, true, false, true, false, null, true, false],
      labels.map((_, i) => (i % 3 === 0 ? null : new Date(Date.UTC(2026, 10, 23, 8, 0, i)))),
    ]);
    expect(loaded).toBe(n);
    const got = await rows();
    expect(got.map((r) => r.label)).toEqual(labels);
    expect(got.map((r) => r.amount)).toEqual([1.5, -0, 1e-300, 123456789.123456, Number.MAX_VALUE, 0.1 + 0.2, null, 42, Infinity, -Infinity]);
    expect(got.map((r) => r.flag)).toEqual([true, false, null, true, false, true, false, null, true, false]);
    expect(got[1]!.at?.toISOString()).toBe('2026-11-23T08:00:01.000Z');
    expect(got[0]!.at).toBeNull();
  });

  it('is part of the transaction it runs in: a rollback leaves nothing', async () => {
    const before = (await rows()).length;
    await expect(
      db.transaction(async (tx) => {
        expect(await tx.copyFrom('copy_probe', ['id', 'label'], [[100, 101], ['a', 'b']])).toBe(2);
        expect((await tx.query('SELECT id FROM copy_probe WHERE id >= 100')).length).toBe(2);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await rows()).length).toBe(before);
    await db.transaction(async (tx) => {
      await tx.copyFrom('copy_probe', ['id', 'label'], [[200], ['kept']]);
    });
    expect((await rows()).find((r) => r.id === 200)?.label).toBe('kept');
  });

  it('loads many rows in several chunks, and refuses what is not a plain identifier or columns of unequal length', async () => {
    const n = 60_000;
    const ids = Array.from({ length: n }, (_, i) => 1000 + i);
    const long = 'x'.repeat(40) + '\t\\';
    expect(await db.copyFrom('copy_probe', ['id', 'label'], [ids, ids.map(() => long)])).toBe(n);
    const agg = await db.query<{ n: number; ok: number }>(`SELECT count(*)::int AS n, count(*) FILTER (WHERE label = $1)::int AS ok FROM copy_probe WHERE id >= 1000`, [long]);
    expect(agg[0]).toEqual({ n, ok: n });
    await expect(db.copyFrom('copy_probe; DROP TABLE party', ['id'], [[1]])).rejects.toThrow(/identifier/);
    await expect(db.copyFrom('copy_probe', ['id', 'label'], [[1, 2], ['a']])).rejects.toThrow(/different lengths/);
  });

  it('a bad value fails the COPY with the database error', async () => {
    await expect(db.copyFrom('copy_probe', ['id'], [[null]])).rejects.toThrow(/null value|not-null/i);
    expect(copyField('a\tb\\c\nd\re')).toBe('a\\tb\\\\c\\nd\\re');
  });
});

describe('copyTo (COPY … TO, text format, on both databases)', () => {
  const labels = ['tab\there', 'two\nlines', 'cr\r\nlf', 'back\\slash \\N \\t', `"quoted" and 'single'`, '', null, 'ääkköset ✓ 🙂', 'NULL', '\\'];
  const amounts = [1.5, -0, 1e-300, 123456789.123456, Number.MAX_VALUE, 0.1 + 0.2, null, 1 / 3, Infinity, -Infinity];

  it('reads back text that needs escaping, NULLs and every double exactly, inside a transaction too', async () => {
    await db.exec('CREATE TABLE copy_out (id integer NOT NULL, label text, amount double precision)');
    const ids = labels.map((_, i) => i + 1);
    await db.copyFrom('copy_out', ['id', 'label', 'amount'], [ids, labels, amounts]);
    const got: CopyRow[] = [];
    expect(await db.copyTo('SELECT id, label, amount FROM copy_out ORDER BY id', (r) => got.push(r))).toBe(labels.length);
    expect(got.map((r) => Number(r[0]))).toEqual(ids);
    expect(got.map((r) => r[1])).toEqual(labels);
    expect(got.map((r) => (r[2] === null ? null : Number(r[2])))).toEqual(amounts);
    await db.transaction(async (tx) => {
      await tx.copyFrom('copy_out', ['id', 'label'], [[100], ['uncommitted']]);
      const seen: CopyRow[] = [];
      expect(await tx.copyTo('WITH x AS (SELECT id, label FROM copy_out WHERE id >= 100) SELECT * FROM x', (r) => seen.push(r))).toBe(1);
      expect(seen).toEqual([['100', 'uncommitted']]);
    });
  });

  it('reads many rows, rethrows an error of the callback after the COPY has ended (the connection stays usable), and refuses what is not one query', async () => {
    const n = 60_000;
    let sum = 0;
    expect(await db.copyTo(`SELECT g, repeat('x', 30) || g FROM generate_series(1, ${n}) AS g`, (r) => (sum += Number(r[0])))).toBe(n);
    expect(sum).toBe((n * (n + 1)) / 2);
    await db.transaction(async (tx) => {
      await expect(tx.copyTo('SELECT g FROM generate_series(1, 5000) AS g', () => { throw new Error('stop'); })).rejects.toThrow('stop');
      expect((await tx.query<{ n: number }>('SELECT 41 + 1 AS n'))[0]!.n).toBe(42);
    });
    await expect(db.copyTo('DELETE FROM copy_out', () => {})).rejects.toThrow(/SELECT or WITH/);
    await expect(db.copyTo('SELECT 1; DROP TABLE copy_out', () => {})).rejects.toThrow(/one SELECT/);
  });
});

describe('arrayLiteral (array parameters without the drivers\' per-element escaping)', () => {
  it('round-trips text that needs quoting, NULLs and doubles through $n::type[]', async () => {
    const texts = ['a', '', null, 'NULL', 'with,comma', '{braces}', 'quote " and \\ backslash', ' spaces ', 'ääkköset 🙂', 'tab\t'];
    const t = await db.query<{ v: string | null }>('SELECT unnest($1::text[]) AS v', [arrayLiteral(texts)]);
    expect(t.map((r) => r.v)).toEqual(texts);
    const nums = [1.5, 0.1 + 0.2, -1e-300, Number.MAX_VALUE, null, 42, Infinity, -Infinity];
    const f = await db.query<{ v: number | null }>('SELECT unnest($1::float8[]) AS v', [arrayLiteral(nums)]);
    expect(f.map((r) => r.v)).toEqual(nums);
    expect(arrayLiteral([])).toBe('{}');
  });
});
