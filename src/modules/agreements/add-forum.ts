import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { assertDraftEditable, type Forum } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { insertForum, touchAgreement } from './agreement-queries.ts';
import { ZForumInput } from './agreement-schemas.ts';

/** Adds a forum (political, managerial or operational) with its meeting frequency. */
export async function addForum(ctx: Ctx, agreementId: string, input: unknown): Promise<Forum> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const f = parseInput(ZForumInput, input);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const forum = await insertForum(tx, agreementId, f, now);
    await touchAgreement(tx, agreementId, now);
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'agreement_forum.create',
      targetType: 'agreement_forum',
      targetId: forum.id,
      after: { ...f, position: forum.position },
    });
    return forum;
  });
}
