import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { findActivePartyByCode } from './party-queries.ts';
import type { Party } from './party.ts';

/** The active party with a code ('564', 'HVA19', 'MK17'). Public: parties are public. */
export async function getPartyByCode(ctx: Ctx, code: string): Promise<Party> {
  const party = await findActivePartyByCode(ctx.db, code);
  if (!party) throw notFound('parties.not_found');
  return party;
}
