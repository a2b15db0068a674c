import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { partyPolicy } from './party-policy.ts';
import { findPartyById } from './party-queries.ts';
import type { Party } from './party.ts';

/** The party as its edit form needs it; only for those who may edit it. */
export async function getPartyForEdit(ctx: Ctx, id: string): Promise<Party> {
  const party = await findPartyById(ctx.db, id);
  if (!party) throw notFound('parties.not_found');
  assertCan(partyPolicy, 'party.update', ctx.actor, party);
  return party;
}
