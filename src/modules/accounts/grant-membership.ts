import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { membershipPolicy } from './account-policy.ts';
import { findMembershipRole, findUserById, upsertMembership } from './account-queries.ts';
import { ZGrantMembership } from './account-schemas.ts';
import { checkMembershipChange } from './membership-guard.ts';

/**
 * Gives a user a role in a party (or changes it). A party administrator can do this only for their own party.
 * With `expectedRole` the change is refused if the role is no longer what the page showed; the last
 * administrator of a party cannot be demoted by a party administrator.
 */
export async function grantMembership(ctx: Ctx, partyId: string, input: unknown): Promise<void> {
  assertCan(membershipPolicy, 'membership.grant', ctx.actor, { partyId });
  const { userId, role, expectedRole } = parseInput(ZGrantMembership, input);
  await ctx.db.transaction(async (tx) => {
    if (!(await findUserById(tx, userId))) throw notFound('accounts.not_found');
    const current = await findMembershipRole(tx, userId, partyId, true);
    await checkMembershipChange(tx, ctx, partyId, { current, next: role, expected: expectedRole });
    if (current === role) return;
    const before = await upsertMembership(tx, userId, partyId, role, ctx.clock.now());
    await recordAudit(tx, ctx, { partyId, action: 'membership.grant', targetType: 'user', targetId: userId, before: before ? { role: before } : null, after: { role } });
  });
}
