import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { PGlite } from '@electric-sql/pglite';
import { loadReferenceData } from '../../src/modules/parties/index.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { wrapPglite } from '../../src/platform/db/pglite.ts';
import { openPostgres } from '../../src/platform/db/postgres.ts';
import { silentLogger } from '../../src/platform/log.ts';

/**
 * Prepares one migrated database with the reference data, once per run:
 * - PGlite: a data-dir dump that each test file loads (much faster than migrating again);
 * - PostgreSQL: a template database `kp_test_template` that each test file clones.
 */
export default async function setup(project: TestProject) {
  const kind = project.config.env?.KP_TEST_DB ?? 'pglite';
  const dir = path.join(os.tmpdir(), 'kumppanuus-test');
  mkdirSync(dir, { recursive: true });
  // Unique per run, so several test runs on one machine do not disturb each other.
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const template = `kp_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${template}`;
    const db = await openPostgres(u.toString(), 2);
    await migrate(db);
    await loadReferenceData({ db, clock: systemClock, log: silentLogger, actor: { kind: 'system', label: 'test' }, requestId: 'test' });
    await db.close();
    project.provide('pgTemplate', template);
    return async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      const left = await a.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [`kp_t_${runId}%`, template]);
      for (const r of left.rows) await a.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
      await a.end();
    };
  }
  const pglite = await PGlite.create();
  const db = wrapPglite(pglite);
  await migrate(db);
  await loadReferenceData({ db, clock: systemClock, log: silentLogger, actor: { kind: 'system', label: 'test' }, requestId: 'test' });
  const dump = await pglite.dumpDataDir('none');
  const file = path.join(dir, `pglite-template-${runId}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplate', file);
  return () => rmSync(file, { force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteTemplate: string;
  }
}
