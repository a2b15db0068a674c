import { getCooperationRegion } from '#modules/parties/index.ts';
import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { assertDraftEditable, type Agreement } from './agreement.ts';
import { agreementOr404, checkAgreementShape, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { findAgreement, setAgreementParties, touchAgreement, updateAgreementRow } from './agreement-queries.ts';
import { ZUpdateAgreement } from './agreement-schemas.ts';

const view = (a: Agreement) => ({
  title_fi: a.title.fi,
  title_sv: a.title.sv,
  valid_from: a.validFrom,
  valid_until: a.validUntil,
  predecessor_id: a.predecessorId,
  coordinating_party_id: a.coordinatingPartyId,
  party_ids: [...a.partyIds].sort(),
});

/** The drafting team changes the title, validity, predecessor, coordinating party and parties of a draft. */
export async function updateAgreement(ctx: Ctx, agreementId: string, input: unknown): Promise<Agreement> {
  const existing = await agreementOr404(ctx.db, agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(existing));
  assertDraftEditable(existing.status);
  const f = parseInput(ZUpdateAgreement, input);
  const { parties } = await getCooperationRegion(ctx, existing.countyCode);
  const partyIds = f.partyIds ?? existing.partyIds;
  const coordinatingPartyId = f.coordinatingPartyId ?? existing.coordinatingPartyId;
  await checkAgreementShape(
    ctx.db,
    { partyIds, coordinatingPartyId, predecessorId: f.predecessorId, countyCode: existing.countyCode, selfId: agreementId },
    parties.map((p) => p.id),
  );
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const ok = await updateAgreementRow(tx, agreementId, f.rowVersion, { ...f, coordinatingPartyId }, now);
    if (!ok) throw conflict('agreements.edited_by_someone_else', { current: await findAgreement(tx, agreementId) });
    await setAgreementParties(tx, agreementId, partyIds);
    await touchAgreement(tx, agreementId, now);
    const updated = (await findAgreement(tx, agreementId))!;
    await recordAudit(tx, ctx, {
      partyId: existing.coordinatingPartyId,
      action: 'agreement.update',
      targetType: 'agreement',
      targetId: agreementId,
      ...changedFields(view(existing), view(updated)),
    });
    return updated;
  });
}
