import { getCooperationRegion, type Party } from '#modules/parties/index.ts';
import type { Ctx } from '#platform/context.ts';
import { forbidden, unauthenticated } from '#platform/errors.ts';
import { can } from '#platform/policy.ts';
import { subjectOf } from './agreement-access.ts';
import { agreementPolicy, createPolicy } from './agreement-policy.ts';
import { findRegionTemplate, listAgreementsOfCounty } from './agreement-queries.ts';
import { MODEL_TEMPLATE, type TemplateSection } from './model-template.ts';

export interface NewAgreementForm {
  region: { code: string; name: { fi: string; sv: string; en: string } };
  parties: Party[];
  defaultCoordinatorId: string;
  /** Parties the actor may coordinate (where they are an editor). */
  coordinatorOptions: string[];
  model: readonly TemplateSection[];
  regionTemplate: TemplateSection[] | null;
  predecessors: { id: string; title: { fi: string; sv: string }; validFrom: string; validUntil: string | null }[];
}

/** What the "new agreement" form needs; only for those who may start one in the region. */
export async function getNewAgreementForm(ctx: Ctx, countyCode: string): Promise<NewAgreementForm> {
  const { region, parties } = await getCooperationRegion(ctx, countyCode);
  const coordinatorOptions = parties.filter((p) => can(createPolicy, 'agreement.create', ctx.actor, { coordinatingPartyId: p.id })).map((p) => p.id);
  if (coordinatorOptions.length === 0) throw ctx.actor.kind === 'public' ? unauthenticated() : forbidden();
  const county = parties.find((p) => p.type === 'wellbeing_services_county' || p.type === 'city_of_helsinki');
  const [own, existing] = await Promise.all([findRegionTemplate(ctx.db, region.code), listAgreementsOfCounty(ctx.db, region.code)]);
  return {
    region: { code: region.code, name: region.name },
    parties,
    defaultCoordinatorId: county && coordinatorOptions.includes(county.id) ? county.id : coordinatorOptions[0]!,
    coordinatorOptions,
    model: MODEL_TEMPLATE,
    regionTemplate: own?.sections ?? null,
    predecessors: existing
      .filter((r) => r.publicVersionCount > 0 || can(agreementPolicy, 'agreement.view_draft', ctx.actor, subjectOf(r.agreement)))
      .map((r) => ({ id: r.agreement.id, title: r.agreement.title, validFrom: r.agreement.validFrom, validUntil: r.agreement.validUntil })),
  };
}
