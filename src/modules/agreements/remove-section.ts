import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { assertDraftEditable } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { deleteSectionRow, findSection, touchAgreement } from './agreement-queries.ts';
import { ZRowVersion } from './agreement-schemas.ts';

/** Takes a section out of the draft (published versions keep it); refused if someone changed it meanwhile. */
export async function removeSection(ctx: Ctx, sectionId: string, input: unknown): Promise<void> {
  const section = await findSection(ctx.db, sectionId);
  if (!section) throw notFound('agreements.section_not_found');
  const agreement = await agreementOr404(ctx.db, section.agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const { rowVersion } = parseInput(ZRowVersion, input);
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteSectionRow(tx, sectionId, rowVersion))) {
      throw conflict('agreements.section_edited_by_someone_else', { current: (await findSection(tx, sectionId)) ?? null });
    }
    await touchAgreement(tx, agreement.id, ctx.clock.now());
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'agreement_section.remove',
      targetType: 'agreement_section',
      targetId: sectionId,
      before: { heading_fi: section.heading.fi, heading_sv: section.heading.sv, body_fi: section.body.fi, body_sv: section.body.sv, template_key: section.templateKey },
    });
  });
}
