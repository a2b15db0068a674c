import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { assertDraftEditable, type Forum } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { findForum, touchAgreement, updateForumRow } from './agreement-queries.ts';
import { ZForumUpdate } from './agreement-schemas.ts';

const view = (f: Forum) => ({
  nameFi: f.name.fi,
  nameSv: f.name.sv,
  level: f.level,
  frequency: f.frequency,
  frequencyNoteFi: f.frequencyNote.fi,
  frequencyNoteSv: f.frequencyNote.sv,
  purposeFi: f.purpose.fi,
  purposeSv: f.purpose.sv,
  position: f.position,
});

/** Edits a forum; a stale save is refused as a conflict with the current values. */
export async function updateForum(ctx: Ctx, forumId: string, input: unknown): Promise<Forum> {
  const forum = await findForum(ctx.db, forumId);
  if (!forum) throw notFound('agreements.forum_not_found');
  const agreement = await agreementOr404(ctx.db, forum.agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const f = parseInput(ZForumUpdate, input);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (!(await updateForumRow(tx, forumId, f.rowVersion, { ...f, position: f.position ?? forum.position }, now))) {
      throw conflict('agreements.edited_by_someone_else', { current: (await findForum(tx, forumId)) ?? null });
    }
    const updated = (await findForum(tx, forumId))!;
    await touchAgreement(tx, agreement.id, now);
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'agreement_forum.update',
      targetType: 'agreement_forum',
      targetId: forumId,
      ...changedFields(view(forum), view(updated)),
    });
    return updated;
  });
}
