import { isPlatformAdmin, type PartyRole } from '#platform/actor.ts';
import type { Ctx } from '#platform/context.ts';
import type { Tx } from '#platform/db/db.ts';
import { conflict } from '#platform/errors.ts';
import { countPartyAdminsForUpdate } from './account-queries.ts';

/**
 * Internal rules for changing memberships, run inside the use case's transaction.
 * - The role the page showed must still be the role (no silent overwrite of another administrator's change).
 * - A party administrator cannot take away the party's last administrator role (theirs or anyone's), so a
 *   party never locks itself out; platform administrators may, deliberately.
 */
export async function checkMembershipChange(
  tx: Tx,
  ctx: Pick<Ctx, 'actor'>,
  partyId: string,
  change: { current: PartyRole | null; next: PartyRole | null; expected?: PartyRole },
): Promise<void> {
  if (change.expected !== undefined && change.current !== change.expected)
    throw conflict('accounts.membership_changed', { current: { role: change.current } });
  const losesAdmin = change.current === 'admin' && change.next !== 'admin';
  if (losesAdmin && !isPlatformAdmin(ctx.actor) && (await countPartyAdminsForUpdate(tx, partyId)) <= 1) throw conflict('accounts.last_admin');
}
