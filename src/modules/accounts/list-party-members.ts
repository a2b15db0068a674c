import type { PartyRole } from '#platform/actor.ts';
import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan, permittedActions } from '#platform/policy.ts';
import { membershipPolicy } from './account-policy.ts';
import { findPartyNames, listMembersOfParty } from './account-queries.ts';

export interface PartyMembers {
  party: { id: string; name: { fi: string; sv: string; en: string } };
  members: { userId: string; email: string; displayName: string; title: string | null; role: PartyRole; since: Date; disabled: boolean }[];
  permittedActions: ('membership.grant' | 'membership.revoke' | 'membership.list')[];
}

/** The people of a party with their roles and e-mail addresses, for the party's administrators. */
export async function listPartyMembers(ctx: Ctx, partyId: string): Promise<PartyMembers> {
  assertCan(membershipPolicy, 'membership.list', ctx.actor, { partyId });
  const name = await findPartyNames(ctx.db, partyId);
  if (!name) throw notFound('parties.not_found');
  const rows = await listMembersOfParty(ctx.db, partyId);
  return {
    party: { id: partyId, name },
    members: rows.map((r) => ({
      userId: r.user_id,
      email: r.email,
      displayName: r.display_name,
      title: r.title,
      role: r.role,
      since: r.created_at,
      disabled: r.disabled_at !== null,
    })),
    permittedActions: permittedActions(membershipPolicy, ctx.actor, { partyId }),
  };
}
