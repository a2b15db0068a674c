import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { findForum, findVersionByNumber, insertPresentation } from './agreement-queries.ts';
import { ZRecordPresentation } from './agreement-schemas.ts';

/** Records that version N was presented in a forum (of the agreement, or named freely) on a date. */
export async function recordPresentation(ctx: Ctx, agreementId: string, input: unknown): Promise<string> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(agreementPolicy, 'agreement.record_presentation', ctx.actor, subjectOf(agreement));
  const f = parseInput(ZRecordPresentation, input);
  const version = await findVersionByNumber(ctx.db, agreementId, f.versionNumber);
  if (!version) throw invalid([{ field: 'versionNumber', code: 'no_such_version' }]);
  let forumName = f.forumName;
  if (f.forumId) {
    const forum = await findForum(ctx.db, f.forumId);
    if (!forum || forum.agreementId !== agreementId) throw invalid([{ field: 'forumId', code: 'invalid_choice' }]);
    forumName = forum.name.fi;
  }
  return ctx.db.transaction(async (tx) => {
    const id = await insertPresentation(
      tx,
      { agreementId, versionId: version.id, forumId: f.forumId, forumName, presentedOn: f.presentedOn, note: f.note, recordedBy: actorUserId(ctx.actor) },
      ctx.clock.now(),
    );
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'agreement.record_presentation',
      targetType: 'agreement_presentation',
      targetId: id,
      after: { version: f.versionNumber, forum_id: f.forumId, forum_name: forumName, presented_on: f.presentedOn, note: f.note },
    });
    return id;
  });
}
