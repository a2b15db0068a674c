import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { assertDraftEditable, needsSwedish, type Agreement, type Section } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { findSection, listAgreementParties } from './agreement-queries.ts';

/** One section of the working draft for its editor page. */
export async function getSectionForEdit(
  ctx: Ctx,
  agreementId: string,
  sectionId: string,
): Promise<{ agreement: Agreement; section: Section; needsSwedish: boolean }> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const section = await findSection(ctx.db, sectionId);
  if (!section || section.agreementId !== agreement.id) throw notFound('agreements.section_not_found');
  return { agreement, section, needsSwedish: needsSwedish(await listAgreementParties(ctx.db, agreement.id)) };
}
