import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { indicatorPolicy } from './indicator-policy.ts';
import { sourceImportSubject } from './source-import-subject.ts';
import { listImportLog, type ImportLogEntry } from './indicator-queries.ts';

/** The import log, newest first, with each import's counts and report. Platform administrators. */
export async function listIndicatorImports(ctx: Ctx, opts: { limit?: number; offset?: number } = {}): Promise<ImportLogEntry[]> {
  assertCan(indicatorPolicy, 'indicator.view_imports', ctx.actor, await sourceImportSubject(ctx.db, ctx.actor));
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500);
  return listImportLog(ctx.db, limit, Math.max(opts.offset ?? 0, 0));
}
