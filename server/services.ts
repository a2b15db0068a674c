import { loadReferenceData } from '#modules/parties/index.ts';
import { seedDemo, DEMO_PASSWORD } from '#modules/demo/index.ts';
import type { Clock } from '#platform/clock.ts';
import type { Config } from '#platform/config.ts';
import type { Ctx } from '#platform/context.ts';
import type { Db } from '#platform/db/db.ts';
import { migrate } from '#platform/db/migrate.ts';
import { openDatabase } from '#platform/db/open.ts';
import type { Logger } from '#platform/log.ts';

export function systemCtx(db: Db, log: Logger, label: string, clock: Clock): Ctx {
  return { db, clock, log, actor: { kind: 'system', label }, requestId: `system:${label}` };
}

/** Opens the database, applies migrations and, on first start, loads reference data (and the demo region). */
export async function prepareDatabase(config: Config, log: Logger, clock: Clock, opts: { seedDemo?: boolean } = {}): Promise<Db> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  if (applied.length) log.info('migrations applied', { migrations: applied });
  const ctx = systemCtx(db, log, 'start-up', clock);
  const loaded = await loadReferenceData(ctx);
  if (loaded) log.info('reference data loaded', { parties: loaded });
  if (opts.seedDemo ?? config.seedDemo) {
    const demo = await seedDemo(ctx);
    if (demo.created) {
      log.info('demo region seeded (Pohjois-Pohjanmaa). Demo accounts, all with the password below:', {
        password: DEMO_PASSWORD,
        accounts: demo.accounts.map((a) => `${a.email} (${a.role}${a.partyCode ? ` @ ${a.partyCode}` : ''})`),
      });
    }
  }
  return db;
}
