import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { can, permittedActions } from '#platform/policy.ts';
import { partyPolicy, type PartyAbility } from './party-policy.ts';
import { findPartyById, listBodies, listPeopleOfParty } from './party-queries.ts';
import type { Party, PartyBody } from './party.ts';

export interface PartyDetails {
  party: Party;
  successor: Party | null;
  bodies: PartyBody[];
  /** People acting for the party; only for signed-in users (names are not published to the public). */
  people: { userId: string; displayName: string; title: string | null; role: string }[] | null;
  permittedActions: PartyAbility[];
}

/** A party with its bodies and, for signed-in users, its people. */
export async function getParty(ctx: Ctx, id: string): Promise<PartyDetails> {
  const party = await findPartyById(ctx.db, id);
  if (!party) throw notFound('parties.not_found');
  const [bodies, successor] = await Promise.all([
    listBodies(ctx.db, party.id),
    party.successorId ? findPartyById(ctx.db, party.successorId) : Promise.resolve(undefined),
  ]);
  const people = can(partyPolicy, 'party.view_people', ctx.actor, party)
    ? (await listPeopleOfParty(ctx.db, party.id)).map((p) => ({
        userId: p.user_id,
        displayName: p.display_name,
        title: p.title,
        role: p.role,
      }))
    : null;
  return { party, successor: successor ?? null, bodies, people, permittedActions: permittedActions(partyPolicy, ctx.actor, party) };
}
