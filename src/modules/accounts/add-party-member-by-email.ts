import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { membershipPolicy } from './account-policy.ts';
import { findMembershipRole, findPartyNames, findUserByEmail, upsertMembership } from './account-queries.ts';
import { ZAddMemberByEmail } from './account-schemas.ts';

/**
 * A party administrator adds an existing account to their party by e-mail, with a role. Accounts are not
 * created here (platform administrators do that); someone who already has a role is changed in the list instead.
 */
export async function addPartyMemberByEmail(ctx: Ctx, partyId: string, input: unknown): Promise<{ userId: string; displayName: string }> {
  assertCan(membershipPolicy, 'membership.grant', ctx.actor, { partyId });
  const { email, role } = parseInput(ZAddMemberByEmail, input);
  return ctx.db.transaction(async (tx) => {
    if (!(await findPartyNames(tx, partyId))) throw notFound('parties.not_found');
    const user = await findUserByEmail(tx, email);
    if (!user || user.disabled) throw invalid([{ field: 'email', code: 'user_not_found' }], 'accounts.user_not_found');
    if (await findMembershipRole(tx, user.id, partyId, true)) throw invalid([{ field: 'email', code: 'already_member' }], 'accounts.already_member');
    await upsertMembership(tx, user.id, partyId, role, ctx.clock.now());
    await recordAudit(tx, ctx, { partyId, action: 'membership.grant', targetType: 'user', targetId: user.id, before: null, after: { role } });
    return { userId: user.id, displayName: user.displayName };
  });
}
