import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { assertDraftEditable, type ForumMember } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { bumpForum, findForum, insertForumMember, touchAgreement } from './agreement-queries.ts';
import { ZForumMemberInput } from './agreement-schemas.ts';

/** Adds a member to a forum: a party of the agreement (or a group of them) and a role, e.g. "kunnanjohtajat". */
export async function addForumMember(ctx: Ctx, forumId: string, input: unknown): Promise<ForumMember> {
  const forum = await findForum(ctx.db, forumId);
  if (!forum) throw notFound('agreements.forum_not_found');
  const agreement = await agreementOr404(ctx.db, forum.agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const f = parseInput(ZForumMemberInput, input);
  if (f.member.partyId && !agreement.partyIds.includes(f.member.partyId)) throw invalid([{ field: 'member', code: 'not_a_party' }]);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const m = await insertForumMember(tx, forumId, { ...f.member, roleFi: f.roleFi, roleSv: f.roleSv });
    await bumpForum(tx, forumId, now);
    await touchAgreement(tx, agreement.id, now);
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'agreement_forum.add_member',
      targetType: 'agreement_forum',
      targetId: forumId,
      after: { party_id: m.partyId, group: m.group, role_fi: m.role.fi, role_sv: m.role.sv },
    });
    return m;
  });
}
