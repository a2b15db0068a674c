/**
 * The one database interface the product uses. Two implementations: embedded PGlite (default)
 * and PostgreSQL (DATABASE_URL). SQL is plain PostgreSQL with $1 parameters and runs unchanged on both.
 * Only `*-queries.ts` files in modules and `platform/` call these.
 */
import { AppError } from '../errors.ts';
import type { CopyRow, CopyValue } from './copy-text.ts';

export type Row = Record<string, unknown>;

export interface Sql {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations, dumps). */
  exec(text: string): Promise<void>;
  /**
   * Bulk load with the database's own COPY (text format; PostgreSQL: FROM STDIN, PGlite: FROM '/dev/blob'):
   * `values` holds one array per column, all of the same length (strings, numbers, booleans, dates; null is
   * NULL). Inside a transaction it is part of it. Returns the number of rows loaded.
   */
  copyFrom(table: string, columns: readonly string[], values: readonly (readonly CopyValue[])[]): Promise<number>;
  /**
   * Bulk read with the database's own COPY (text format; PostgreSQL: TO STDOUT, PGlite: TO '/dev/blob'): runs
   * `select` (a SELECT or WITH query; COPY takes no parameters, so it may hold only trusted literals) and calls
   * `onRow` with each row's fields as text, null for NULL (float8 as the server prints it). Much cheaper than a
   * query for many rows: on PGlite a million rows cost ≈ 1.4 s of CPU this way against ≈ 8 s as a result set.
   * Returns the number of rows.
   */
  copyTo(select: string, onRow: (row: CopyRow) => void): Promise<number>;
}

export interface Tx extends Sql {
  readonly inTransaction: true;
  /** Which database runs it, for the rare bulk path that is measurably faster done differently on each. */
  readonly kind: 'pglite' | 'postgres';
}

export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Embedded PGlite only (one process can open it, so every write goes through this handle): how many
   * transactions and statements other than SELECT have finished. Lets the page cache skip re-reading
   * `data_version` while nothing can have changed (server/page-cache.ts). Undefined on PostgreSQL.
   */
  writeCount?(): number;
}

export async function one<T extends Row>(sql: Sql, text: string, params?: readonly unknown[]): Promise<T> {
  const rows = await sql.query<T>(text, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
  return rows[0]!;
}

export async function maybeOne<T extends Row>(
  sql: Sql,
  text: string,
  params?: readonly unknown[],
): Promise<T | undefined> {
  const rows = await sql.query<T>(text, params);
  return rows[0];
}

/** Result types normalised on both drivers: date → 'YYYY-MM-DD', int8/numeric → number, timestamptz → Date. */
export const TYPE_OIDS = { int8: 20, numeric: 1700, date: 1082 } as const;

/** True when the database refused a write because other rows still refer to the row (SQLSTATE 23503, or 23001 for ON DELETE RESTRICT). */
export function isForeignKeyViolation(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === '23503' || code === '23001';
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/** The COPY statement's head for `copyFrom`; table and column names are checked to be plain identifiers. */
export function copyStatement(table: string, columns: readonly string[], from: 'STDIN' | "'/dev/blob'"): string {
  for (const name of [table, ...columns]) if (!IDENTIFIER.test(name)) throw new Error(`copyFrom: not a plain identifier: ${name}`);
  if (columns.length === 0) throw new Error('copyFrom: no columns');
  return `COPY ${table} (${columns.join(', ')}) FROM ${from}`;
}

/** The COPY statement for `copyTo`: the query must be one SELECT or WITH query. */
export function copyToStatement(select: string, to: 'STDOUT' | "'/dev/blob'"): string {
  if (!/^\s*(SELECT|WITH)\b/i.test(select) || select.includes(';')) throw new Error('copyTo: expected one SELECT or WITH query');
  return `COPY (${select}) TO ${to}`;
}

const sqlState = (e: unknown): string | undefined => {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Values the database cannot take as given, which only a client sends (the queries' own values are valid):
 * a NUL or an untranslatable character in text (22021, 22P05), a number beyond its column's type, e.g. a
 * version number over 2^31 (22003), text that is not the parameter's type (22P02), an impossible date or
 * time (22007, 22008).
 */
const REFUSED_INPUT = new Set(['22021', '22P05', '22003', '22P02', '22007', '22008']);

/** The server went away or does not take connections: shutdown, restart, crash recovery, no connection slots. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/** True when the database could not be reached or dropped the connection (the statement may be retried elsewhere). */
export function isConnectionLost(e: unknown): boolean {
  const code = sqlState(e);
  if (code && (UNAVAILABLE_STATES.has(code) || UNAVAILABLE_ERRNOS.has(code))) return true;
  const message = e instanceof Error ? e.message : '';
  return /^Connection terminated|connection error and is not queryable|^timeout exceeded when trying to connect|PGlite is closed|Cannot use a pool after calling end/i.test(message);
}

/**
 * What a failed statement means to the caller (issue 8 finding 6), decided here once for every query: input
 * the database refuses is the client's fault (AppError 'invalid', 400), a lost database is 'unavailable'
 * (503 with Retry-After); anything else stays as it is (a real 500).
 */
export function mapDatabaseError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  if (isConnectionLost(e)) return new AppError('service.unavailable', 'unavailable');
  const code = sqlState(e);
  if (code && REFUSED_INPUT.has(code)) return new AppError('validation.invalid_input', 'invalid');
  return e;
}

/** Runs `fn`, its failure mapped by mapDatabaseError. */
export async function mapped<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw mapDatabaseError(e);
  }
}
