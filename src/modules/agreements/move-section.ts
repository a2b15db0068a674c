import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { assertDraftEditable } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { findSection, listSections, renumberSections, touchAgreement } from './agreement-queries.ts';
import { ZMoveSection } from './agreement-schemas.ts';

/** Moves a section one place up or down (the order is not content: section texts keep their row_version). */
export async function moveSection(ctx: Ctx, sectionId: string, input: unknown): Promise<void> {
  const section = await findSection(ctx.db, sectionId);
  if (!section) throw notFound('agreements.section_not_found');
  const agreement = await agreementOr404(ctx.db, section.agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const { direction } = parseInput(ZMoveSection, input);
  await ctx.db.transaction(async (tx) => {
    const ids = (await listSections(tx, agreement.id)).map((s) => s.id);
    const i = ids.indexOf(sectionId);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    await renumberSections(tx, agreement.id, ids);
    await touchAgreement(tx, agreement.id, ctx.clock.now());
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'agreement_section.move',
      targetType: 'agreement_section',
      targetId: sectionId,
      before: { position: i + 1 },
      after: { position: j + 1 },
    });
  });
}
