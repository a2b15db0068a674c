/**
 * Indicator import benchmark: N indicators × 309 municipalities × 33 years × 3 genders (≈ 30,600 rows per
 * indicator, 33 indicators ≈ 1,000,000 rows) in Sotkanet's /json shape, imported twice (the second import must
 * change nothing). Prints the time of each phase and the process memory.
 *
 *   node --import tsx bench/indicators.ts pglite [indicators]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/indicators.ts postgres [indicators]
 *
 * PostgreSQL: a database kp_indicator_bench is created next to the given one and dropped at the end.
 */
import pg from 'pg';
import { importSotkanetFile, type Progress } from '../src/modules/indicators/index.ts';
import { municipalityIds, regionsSnapshot } from '../src/modules/indicators/indicator-fixtures.test-support.ts';
import { loadReferenceData } from '../src/modules/parties/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import type { Db } from '../src/platform/db/db.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { openPglite } from '../src/platform/db/pglite.ts';
import { openPostgres } from '../src/platform/db/postgres.ts';
import { silentLogger } from '../src/platform/log.ts';

const kind = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const indicators = Number(process.argv[3] ?? 33);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const benchUrl = Object.assign(new URL(adminUrl), { pathname: '/kp_indicator_bench' }).toString();

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(sql);
  await c.end();
}

let db: Db;
if (kind === 'postgres') {
  await admin('DROP DATABASE IF EXISTS kp_indicator_bench');
  await admin('CREATE DATABASE kp_indicator_bench');
  db = await openPostgres(benchUrl, 2);
} else {
  db = await openPglite(undefined);
}
await migrate(db);
const ctx = { db, clock: systemClock, log: silentLogger, actor: { kind: 'system', label: 'bench' } as const, requestId: 'bench' };
await loadReferenceData(ctx);

const regionIds = [...municipalityIds().values()];
const parts: string[] = [];
for (let k = 0; k < indicators; k++)
  for (const g of ['total', 'male', 'female'])
    for (let y = 1990; y <= 2022; y++)
      for (const r of regionIds) parts.push(`{"indicator":${1001 + k},"region":${r},"year":${y},"gender":"${g}","value":${((r * 7 + y + k) % 1000) + 0.5}}`);
const json = `[\n${parts.join(',\n')}\n]`;
const meta = JSON.stringify(Array.from({ length: indicators }, (_, k) => ({ id: 1001 + k, title: { fi: `Testi ${k}` }, organization: { id: 2, title: { fi: 'THL' } } })));
console.log(`${kind}: ${parts.length} rows, ${(json.length / 1e6).toFixed(1)} MB of JSON`);

for (let run = 1; run <= 2; run++) {
  const t0 = performance.now();
  const marks: string[] = [];
  let last = t0;
  const onProgress = (p: Progress) => {
    if (p.done < p.total || p.phase === 'done') return;
    const now = performance.now();
    marks.push(`${p.phase} ${Math.round(now - last)} ms`);
    last = now;
  };
  const r = await importSotkanetFile(ctx, { format: 'sotkanet-json', file: json, fileName: 'bench.json', regions: run === 1 ? JSON.stringify(regionsSnapshot()) : undefined, indicatorMeta: [meta], onProgress });
  console.log(
    `run ${run}: ${r.status}, inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged} in ${Math.round(performance.now() - t0)} ms (${marks.join(', ')}); rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
  );
}
const size = await db.query<{ s: string }>(`SELECT pg_size_pretty(pg_total_relation_size('indicator_value')) AS s`);
console.log(`indicator_value with indexes: ${size[0]!.s}`);
await db.close();
if (kind === 'postgres') await admin('DROP DATABASE IF EXISTS kp_indicator_bench WITH (FORCE)');
