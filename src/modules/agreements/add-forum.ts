import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { assertDraftEditable, type Forum } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { insertForum, linkStandingForum, touchAgreement } from './agreement-queries.ts';
import { unsafeCreateForumForAgreementLine } from '#modules/forums/index.ts';
import { ZForumInput } from './agreement-schemas.ts';

/** Adds a forum line (political, managerial or operational) with its meeting frequency, and the region's standing forum it refers to. */
export async function addForum(ctx: Ctx, agreementId: string, input: unknown): Promise<Forum> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const f = parseInput(ZForumInput, input);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const line = await insertForum(tx, agreementId, f, now);
    // The forum itself is a standing body of the region (src/modules/forums); the line is what the agreement says of it.
    const standingForumId = await unsafeCreateForumForAgreementLine(tx, ctx, {
      ...f,
      id: line.id,
      countyCode: agreement.countyCode,
      coordinatingPartyId: agreement.coordinatingPartyId,
    });
    await linkStandingForum(tx, line.id, standingForumId);
    const forum = { ...line, standingForumId };
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
