import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { assertDraftEditable } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { deleteForumRow, findForum, touchAgreement } from './agreement-queries.ts';
import { ZRowVersion } from './agreement-schemas.ts';

/** Removes a forum and its member list from the draft (published versions keep them). */
export async function removeForum(ctx: Ctx, forumId: string, input: unknown): Promise<void> {
  const forum = await findForum(ctx.db, forumId);
  if (!forum) throw notFound('agreements.forum_not_found');
  const agreement = await agreementOr404(ctx.db, forum.agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const { rowVersion } = parseInput(ZRowVersion, input);
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteForumRow(tx, forumId, rowVersion))) throw conflict('agreements.edited_by_someone_else', { current: (await findForum(tx, forumId)) ?? null });
    await touchAgreement(tx, agreement.id, ctx.clock.now());
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'agreement_forum.remove',
      targetType: 'agreement_forum',
      targetId: forumId,
      before: { name_fi: forum.name.fi, level: forum.level, frequency: forum.frequency, members: forum.members.length },
    });
  });
}
