import type { Ctx } from '#platform/context.ts';
import { parseInput } from '#platform/validation.ts';
import { searchParties } from './party-queries.ts';
import { ZPartyListQuery } from './party-schemas.ts';
import type { Party } from './party.ts';

/** Searches parties by type, region, county and text; paginated. Public. */
export async function listParties(ctx: Ctx, query: unknown): Promise<{ items: Party[]; total: number; limit: number; offset: number }> {
  const q = parseInput(ZPartyListQuery, query);
  const { items, total } = await searchParties(ctx.db, q);
  return { items, total, limit: q.limit, offset: q.offset };
}
