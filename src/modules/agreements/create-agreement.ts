import { getCooperationRegion } from '#modules/parties/index.ts';
import { recordAudit } from '#platform/audit.ts';
import type { Ctx } from '#platform/context.ts';
import { invalid } from '#platform/errors.ts';
import { assertCan } from '#platform/policy.ts';
import { parseInput } from '#platform/validation.ts';
import { actorUserId, type Agreement } from './agreement.ts';
import { checkAgreementShape } from './agreement-access.ts';
import { createPolicy } from './agreement-policy.ts';
import { findAgreement, findRegionTemplate, insertAgreement, insertSection, setAgreementParties } from './agreement-queries.ts';
import { ZCreateAgreement } from './agreement-schemas.ts';
import { MODEL_TEMPLATE, type TemplateSection } from './model-template.ts';

/**
 * Starts an agreement for a cooperation region: its parties (default: every party of the region), title,
 * validity, predecessor, and the sections picked from the built-in model or the region's own template.
 * The coordinating party (default: the county) is the one whose editors draft it.
 */
export async function createAgreement(ctx: Ctx, countyCode: string, input: Record<string, unknown>): Promise<Agreement> {
  const { region, parties } = await getCooperationRegion(ctx, countyCode);
  const county = parties.find((p) => p.type === 'wellbeing_services_county' || p.type === 'city_of_helsinki');
  const rawCoordinator = typeof input.coordinatingPartyId === 'string' && input.coordinatingPartyId ? input.coordinatingPartyId : county?.id;
  assertCan(createPolicy, 'agreement.create', ctx.actor, { coordinatingPartyId: rawCoordinator ?? '' });
  const f = parseInput(ZCreateAgreement, input);
  const regionPartyIds = parties.map((p) => p.id);
  const partyIds = f.partyIds ?? regionPartyIds;
  const coordinatingPartyId = f.coordinatingPartyId ?? county?.id ?? '';
  await checkAgreementShape(ctx.db, { partyIds, coordinatingPartyId, predecessorId: f.predecessorId, countyCode: region.code }, regionPartyIds);

  let template: readonly TemplateSection[] = MODEL_TEMPLATE;
  if (f.template === 'region') {
    const own = await findRegionTemplate(ctx.db, region.code);
    if (!own) throw invalid([{ field: 'template', code: 'no_region_template' }]);
    template = own.sections;
  }
  const picked = f.sectionKeys ? template.filter((s) => s.key !== null && f.sectionKeys!.includes(s.key)) : template;

  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const id = await insertAgreement(
      tx,
      {
        countyCode: region.code,
        titleFi: f.titleFi,
        titleSv: f.titleSv,
        validFrom: f.validFrom,
        validUntil: f.validUntil,
        predecessorId: f.predecessorId,
        coordinatingPartyId,
        createdBy: actorUserId(ctx.actor),
      },
      now,
    );
    await setAgreementParties(tx, id, partyIds);
    for (const s of picked) {
      await insertSection(tx, id, { templateKey: s.key, headingFi: s.heading.fi, headingSv: s.heading.sv, bodyFi: s.body.fi, bodySv: s.body.sv }, actorUserId(ctx.actor), now);
    }
    await recordAudit(tx, ctx, {
      partyId: coordinatingPartyId,
      action: 'agreement.create',
      targetType: 'agreement',
      targetId: id,
      after: {
        county_code: region.code,
        title_fi: f.titleFi,
        title_sv: f.titleSv,
        valid_from: f.validFrom,
        valid_until: f.validUntil,
        predecessor_id: f.predecessorId,
        coordinating_party_id: coordinatingPartyId,
        parties: partyIds.length,
        template: f.template,
        sections: picked.map((s) => s.key),
      },
    });
    return (await findAgreement(tx, id))!;
  });
}
