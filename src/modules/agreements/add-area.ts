import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { assertDraftEditable, type Area } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { insertArea, touchAgreement } from './agreement-queries.ts';
import { ZAreaInput } from './agreement-schemas.ts';

/** Adds a cooperation area with its responsible party or body on each side. */
export async function addArea(ctx: Ctx, agreementId: string, input: unknown): Promise<Area> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const f = parseInput(ZAreaInput, input);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const area = await insertArea(tx, agreementId, f, now);
    await touchAgreement(tx, agreementId, now);
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'agreement_area.create',
      targetType: 'agreement_area',
      targetId: area.id,
      after: { ...f, position: area.position },
    });
    return area;
  });
}
