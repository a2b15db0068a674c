import type { Ctx } from '#platform/context.ts';
import { parseInput } from '#platform/validation.ts';
import type { Indicator } from './indicator.ts';
import { searchIndicators } from './indicator-queries.ts';
import { ZIndicatorListQuery } from './indicator-schemas.ts';

/** The indicator catalogue, filtered by source and text. Public. */
export async function listIndicators(ctx: Ctx, query: unknown = {}): Promise<{ items: Indicator[]; total: number; limit: number; offset: number }> {
  const q = parseInput(ZIndicatorListQuery, query);
  const { items, total } = await searchIndicators(ctx.db, { ...q });
  return { items, total, limit: q.limit, offset: q.offset };
}
