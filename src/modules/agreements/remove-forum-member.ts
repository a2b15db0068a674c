import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { assertDraftEditable } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { bumpForum, deleteForumMemberRow, findForum, touchAgreement } from './agreement-queries.ts';

/** Removes one member line from a forum. */
export async function removeForumMember(ctx: Ctx, forumId: string, memberId: string): Promise<void> {
  const forum = await findForum(ctx.db, forumId);
  if (!forum) throw notFound('agreements.forum_not_found');
  const agreement = await agreementOr404(ctx.db, forum.agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  await ctx.db.transaction(async (tx) => {
    const removed = await deleteForumMemberRow(tx, forumId, memberId);
    if (!removed) throw notFound('agreements.forum_member_not_found');
    const now = ctx.clock.now();
    await bumpForum(tx, forumId, now);
    await touchAgreement(tx, agreement.id, now);
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'agreement_forum.remove_member',
      targetType: 'agreement_forum',
      targetId: forumId,
      before: { party_id: removed.partyId, group: removed.group, role_fi: removed.role.fi, role_sv: removed.role.sv },
    });
  });
}
