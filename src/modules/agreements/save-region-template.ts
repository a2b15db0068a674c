import { getCooperationRegion } from '#modules/parties/index.ts';
import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { actorUserId } from './agreement.ts';
import { agreementOr404 } from './agreement-access.ts';
import { templatePolicy } from './agreement-policy.ts';
import { listSections, upsertRegionTemplate } from './agreement-queries.ts';
import type { TemplateSection } from './model-template.ts';

/**
 * Saves the sections of this draft — as picked, ordered, renamed and added to — as the region's own
 * template for its next agreements. Sections added by the region get a key of their own.
 */
export async function saveRegionTemplate(ctx: Ctx, agreementId: string): Promise<{ sections: number }> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  const { parties } = await getCooperationRegion(ctx, agreement.countyCode);
  const county = parties.find((p) => p.type === 'wellbeing_services_county' || p.type === 'city_of_helsinki');
  assertCan(templatePolicy, 'template.save', ctx.actor, { countyPartyId: county?.id ?? '' });
  return ctx.db.transaction(async (tx) => {
    const sections: TemplateSection[] = (await listSections(tx, agreementId)).map((s) => ({
      key: s.templateKey ?? `custom_${s.id.slice(0, 8)}`,
      heading: s.heading,
      body: s.body,
    }));
    const rowVersion = await upsertRegionTemplate(tx, agreement.countyCode, sections, actorUserId(ctx.actor), ctx.clock.now());
    await recordAudit(tx, ctx, {
      partyId: county?.id ?? null,
      action: 'agreement_template.save',
      targetType: 'agreement_template',
      targetId: agreement.countyCode,
      after: { from_agreement: agreementId, sections: sections.map((s) => s.key), row_version: rowVersion },
    });
    return { sections: sections.length };
  });
}
