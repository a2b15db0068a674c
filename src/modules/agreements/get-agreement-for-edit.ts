import { getCooperationRegion, type Party } from '#modules/parties/index.ts';
import type { Ctx } from '#platform/context.ts';
import { assertCan } from '#platform/policy.ts';
import { assertDraftEditable, type Agreement, type Area, type Forum, type Section } from './agreement.ts';
import { agreementOr404, subjectOf } from './agreement-access.ts';
import { agreementPolicy } from './agreement-policy.ts';
import { findRegionTemplate, listAgreementsOfCounty, listAreas, listForums, listSections } from './agreement-queries.ts';

export interface AgreementForEdit {
  agreement: Agreement;
  regionName: { fi: string; sv: string; en: string };
  regionParties: Party[];
  sections: Section[];
  areas: Area[];
  forums: Forum[];
  predecessors: { id: string; title: { fi: string; sv: string } }[];
  hasRegionTemplate: boolean;
}

/** The working draft as the drafting team's editor pages need it. */
export async function getAgreementForEdit(ctx: Ctx, agreementId: string): Promise<AgreementForEdit> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  assertCan(agreementPolicy, 'agreement.edit', ctx.actor, subjectOf(agreement));
  assertDraftEditable(agreement.status);
  const [{ region, parties }, sections, areas, forums, others, template] = await Promise.all([
    getCooperationRegion(ctx, agreement.countyCode),
    listSections(ctx.db, agreement.id),
    listAreas(ctx.db, agreement.id),
    listForums(ctx.db, agreement.id),
    listAgreementsOfCounty(ctx.db, agreement.countyCode),
    findRegionTemplate(ctx.db, agreement.countyCode),
  ]);
  return {
    agreement,
    regionName: region.name,
    regionParties: parties,
    sections,
    areas,
    forums,
    predecessors: others.filter((o) => o.agreement.id !== agreement.id).map((o) => ({ id: o.agreement.id, title: o.agreement.title })),
    hasRegionTemplate: !!template,
  };
}
