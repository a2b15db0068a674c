import type { Clock } from './clock.ts';
import type { Sql } from './db/db.ts';

/**
 * Rate limits counted in the database (table rate_limit_counter), so every instance of the server behind a
 * load balancer shares them. Fixed windows of `windowMs`, aligned to the epoch and read from the injected
 * clock: the window of an instant is the same in every process. Works the same on PGlite and PostgreSQL.
 */
export interface RateLimit {
  /** Namespace of the counter, e.g. 'sign-in-ip'. */
  name: string;
  windowMs: number;
  limit: number;
}

export interface RateLimitResult {
  /** Hits in the current window, this one included (or, for `peek`, the hits so far). */
  hits: number;
  limited: boolean;
  /** When the window ends. */
  resetAt: Date;
  /** Whole seconds until the window ends (at least 1): the Retry-After value. */
  retryAfterSeconds: number;
  limit: number;
  remaining: number;
}

function windowOf(rule: RateLimit, now: Date) {
  const start = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  return { start: new Date(start), reset: new Date(start + rule.windowMs) };
}

function result(rule: RateLimit, hits: number, resetAt: Date, now: Date, limited: boolean): RateLimitResult {
  return {
    hits,
    limited,
    resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - hits),
  };
}

const counterKey = (rule: RateLimit, key: string) => `${rule.name}:${key}`;

/** Counts one hit for `key`; `limited` when it is beyond the rule's limit in this window. */
export async function hitRateLimit(sql: Sql, clock: Clock, rule: RateLimit, key: string): Promise<RateLimitResult> {
  const now = clock.now();
  const w = windowOf(rule, now);
  // One statement: the increment is atomic under concurrent requests from any number of instances.
  const rows = await sql.query<{ hits: number }>(
    `INSERT INTO rate_limit_counter AS c (key, window_start, reset_at, hits) VALUES ($1, $2, $3, 1)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN c.window_start = EXCLUDED.window_start THEN c.hits + 1 ELSE 1 END,
       window_start = EXCLUDED.window_start,
       reset_at = EXCLUDED.reset_at
     RETURNING hits`,
    [counterKey(rule, key), w.start, w.reset],
  );
  const hits = Number(rows[0]!.hits);
  await maybeSweep(sql, now);
  return result(rule, hits, w.reset, now, hits > rule.limit);
}

/** The hits counted for `key` in the current window, without counting one; `limited` when the limit is reached. */
export async function peekRateLimit(sql: Sql, clock: Clock, rule: RateLimit, key: string): Promise<RateLimitResult> {
  const now = clock.now();
  const w = windowOf(rule, now);
  const rows = await sql.query<{ hits: number }>('SELECT hits FROM rate_limit_counter WHERE key = $1 AND window_start = $2', [counterKey(rule, key), w.start]);
  const hits = rows.length ? Number(rows[0]!.hits) : 0;
  return result(rule, hits, w.reset, now, hits >= rule.limit);
}

/** Forgets the counter of `key` (e.g. an account's failed sign-ins after a successful one). */
export async function resetRateLimit(sql: Sql, rule: RateLimit, key: string): Promise<void> {
  await sql.query('DELETE FROM rate_limit_counter WHERE key = $1', [counterKey(rule, key)]);
}

// Old windows are deleted by whichever instance counts a hit at most once a minute (of its clock).
let lastSweep = 0;
async function maybeSweep(sql: Sql, now: Date): Promise<void> {
  if (Math.abs(now.getTime() - lastSweep) < 60_000) return;
  lastSweep = now.getTime();
  await sql.query('DELETE FROM rate_limit_counter WHERE reset_at < $1', [now]);
}

/** The IETF RateLimit headers (draft 8) and, when limited, Retry-After. */
export function setRateLimitHeaders(res: { setHeader(name: string, value: string): unknown }, rule: RateLimit, r: RateLimitResult): void {
  res.setHeader('RateLimit-Policy', `"${rule.name}";q=${rule.limit};w=${Math.round(rule.windowMs / 1000)}`);
  res.setHeader('RateLimit', `"${rule.name}";r=${r.remaining};t=${r.retryAfterSeconds}`);
  if (r.limited) res.setHeader('Retry-After', String(r.retryAfterSeconds));
}

/** Requests a minute to /api/v1 for each anonymous address and each API token (API_RATE_LIMIT_ANONYMOUS, API_RATE_LIMIT_TOKEN). */
export const DEFAULT_API_RATE_LIMIT = 300;
export const DEFAULT_API_TOKEN_RATE_LIMIT = 1200;
