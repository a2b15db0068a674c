import { changedFields, recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { conflict, notFound } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId, assertDraftEditable, type Section } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { findSection, touchAgreement, updateSectionRow } from './agreement-queries.ts';
import { ZSectionUpdate } from './agreement-schemas.ts';

const view = (s: Section) => ({ heading_fi: s.heading.fi, heading_sv: s.heading.sv, body_fi: s.body.fi, body_sv: s.body.sv });

/**
 * Saves one section of the draft. If someone saved it after this editor loaded it (stale row_version), the
 * save is refused as a conflict; `details.current` holds their text so the page can show both and lose nothing.
 */
export async function updateSection(ctx: Ctx, sectionId: string, input: unknown): Promise<Section> {
  const section = await findSection(ctx.db, sectionId);
  if (!section) throw notFound('agreements.section_not_found');
  const agreement = await agreementOr404(ctx.db, section.agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const f = parseInput(ZSectionUpdate, input);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const updated = await updateSectionRow(tx, sectionId, f.rowVersion, f, actorUserId(ctx.actor), now);
    if (!updated) throw conflict('agreements.section_edited_by_someone_else', { current: (await findSection(tx, sectionId)) ?? null });
    await touchAgreement(tx, agreement.id, now);
    await recordAudit(tx, ctx, {
      partyId: agreement.coordinatingPartyId,
      action: 'agreement_section.update',
      targetType: 'agreement_section',
      targetId: sectionId,
      ...changedFields(view(section), view(updated)),
    });
    return updated;
  });
}
