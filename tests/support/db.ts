import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import type { Actor } from '../../src/platform/actor.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Ctx } from '../../src/platform/context.ts';
import type { Db } from '../../src/platform/db/db.ts';
import { PGLITE_PARSERS, wrapPglite } from '../../src/platform/db/pglite.ts';
import { openPostgres } from '../../src/platform/db/postgres.ts';
import { silentLogger } from '../../src/platform/log.ts';

export const TEST_DB_KIND = (process.env.KP_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/**
 * A fresh database for one test file: migrated, with all reference data (347 parties), nothing else.
 * PGlite loads the dump made by global-setup; PostgreSQL clones the template database.
 */
export async function createTestDb(): Promise<Db> {
  if (TEST_DB_KIND === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const template = inject('pgTemplate');
    const name = `kp_t_${template.slice('kp_tpl_'.length)}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = await openPostgres(u.toString(), 5);
    const close = db.close.bind(db);
    return Object.assign(db, {
      close: async () => {
        await close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    });
  }
  const tar = readFileSync(inject('pgliteTemplate'));
  const pglite = await PGlite.create({
    loadDataDir: new Blob([tar]),
    parsers: PGLITE_PARSERS,
  });
  return wrapPglite(pglite);
}

export const SYSTEM: Actor = { kind: 'system', label: 'test' };

/** The instant tests are pinned to: Monday 23.11.2026 10:00 in Helsinki. Fixture dates derive from it, never from the real date. */
export const TEST_NOW = '2026-11-23T08:00:00Z';

/** A fixed clock at TEST_NOW (or `iso`) that a test can set or advance; give the same one to the use cases and the server. */
export const testClock = (iso = TEST_NOW) => fixedClock(iso);

/** A use-case context with a fixed clock (default TEST_NOW, 2026-11-23 10:00 Helsinki). */
export function testCtx(db: Db, actor: Actor = SYSTEM, clock = testClock()): Ctx & { clock: ReturnType<typeof fixedClock> } {
  return { db, clock, actor, requestId: 'test-request', log: silentLogger };
}

export async function partyIdByCode(db: Db, code: string): Promise<string> {
  const rows = await db.query<{ id: string }>('SELECT id FROM party WHERE code = $1 AND ended_on IS NULL', [code]);
  if (!rows[0]) throw new Error(`no party ${code}`);
  return rows[0].id;
}

let userSeq = 0;
/** Creates a real account (audit rows reference it) and returns its actor. */
export async function createTestActor(
  db: Db,
  memberships: { partyId: string; role: 'admin' | 'editor' | 'approver' | 'viewer' }[],
  opts: { isPlatformAdmin?: boolean; displayName?: string } = {},
): Promise<Actor & { kind: 'user' }> {
  const { createUser } = await import('../../src/modules/accounts/index.ts');
  userSeq++;
  const displayName = opts.displayName ?? `Test User ${userSeq}`;
  const u = await createUser(testCtx(db), {
    email: `user${userSeq}.${Math.random().toString(36).slice(2, 8)}@test.invalid`,
    displayName,
    isPlatformAdmin: opts.isPlatformAdmin ?? false,
    memberships,
  });
  return { kind: 'user', userId: u.id, displayName, isPlatformAdmin: u.isPlatformAdmin, memberships };
}
