import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId, assertDraftEditable, type Section } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { insertSection, touchAgreement } from './agreement-queries.ts';
import { ZSectionInput } from './agreement-schemas.ts';

/** Adds a section of the region's own to the end of the draft. */
export async function addSection(ctx: Ctx, agreementId: string, input: unknown): Promise<Section> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const f = parseInput(ZSectionInput, input);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const s = await insertSection(tx, agreementId, { templateKey: null, ...f }, actorUserId(ctx.actor), now);
    await touchAgreement(tx, agreementId, now);
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'agreement_section.create',
      targetType: 'agreement_section',
      targetId: s.id,
      after: { heading_fi: f.headingFi, heading_sv: f.headingSv, body_fi: f.bodyFi, body_sv: f.bodySv, position: s.position },
    });
    return s;
  });
}
