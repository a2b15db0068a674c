import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { forumWithSubject } from './forum-access.ts';
import { forumPolicy } from './forum-policy.ts';
import { bumpForum, deleteMember } from './forum-queries.ts';

/** Removes a member from a forum (refused while someone is listed as their deputy). */
export async function removeForumMember(ctx: Ctx, forumId: string, memberId: string): Promise<void> {
  const { forum, subject } = await forumWithSubject(ctx.db, forumId);
  assertCan(forumPolicy, 'forum.manage', ctx.actor, subject);
  const member = forum.members.find((m) => m.id === memberId);
  if (!member) throw notFound('forums.member_not_found');
  if (forum.members.some((m) => m.deputyOf === memberId)) throw invalid([{ field: 'memberId', code: 'member_has_deputy' }]);
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteMember(tx, forumId, memberId))) throw notFound('forums.member_not_found');
    await bumpForum(tx, forumId, ctx.clock.now());
    await recordAudit(tx, ctx, {
      partyId: forum.ownerPartyId,
      action: 'forum.remove_member',
      targetType: 'forum',
      targetId: forumId,
      before: { member_id: member.id, party_id: member.partyId, group: member.group, person_name: member.personName, role: member.role },
    });
  });
}
