import { z } from 'zod';
import { PARTY_ROLES, type PartyRole } from '#platform/actor.ts';
import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { membershipPolicy } from './account-policy.ts';
import { deleteMembership, findMembershipRole } from './account-queries.ts';
import { checkMembershipChange } from './membership-guard.ts';

const ZRevoke = z.object({ userId: z.string().uuid('invalid_uuid'), expectedRole: z.enum(PARTY_ROLES, { message: 'invalid_choice' }).optional() });

/**
 * Removes a user's role in a party. With `expectedRole` it is refused if the role has changed since the page
 * was shown; a party administrator cannot remove the party's last administrator.
 */
export async function revokeMembership(ctx: Ctx, partyId: string, userId: string, expectedRole?: PartyRole | string): Promise<void> {
  assertCan(membershipPolicy, 'membership.revoke', ctx.actor, { partyId });
  const input = parseInput(ZRevoke, { userId, expectedRole: expectedRole || undefined });
  await ctx.db.transaction(async (tx) => {
    const current = await findMembershipRole(tx, input.userId, partyId, true);
    if (!current) throw notFound('accounts.not_found');
    await checkMembershipChange(tx, ctx, partyId, { current, next: null, expected: input.expectedRole });
    const before = await deleteMembership(tx, input.userId, partyId);
    await recordAudit(tx, ctx, { partyId, action: 'membership.revoke', targetType: 'user', targetId: input.userId, before: { role: before } });
  });
}
