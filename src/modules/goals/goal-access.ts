import type { Sql } from '#platform/db/db.ts';
import { forbidden, invalid, notFound, type FieldIssue } from '#platform/errors.ts';
import type { Goal, IndicatorLink, Measure } from './goal.ts';
import type { GoalSubject } from './goal-policy.ts';
import { findAgreementInfo, findGoal, findIndicators, findLink, findMeasure, findParties, listSections, type AgreementInfo } from './goal-queries.ts';
import { ownAreaCodes, scopeAreas } from './goal-status.ts';

/** Shared steps of the use cases (not exported from the module). */
export async function agreementOr404(sql: Sql, id: string): Promise<AgreementInfo> {
  const a = await findAgreementInfo(sql, id);
  if (!a) throw notFound('goals.agreement_not_found');
  return a;
}

export async function goalOr404(sql: Sql, id: string): Promise<{ goal: Goal; agreement: AgreementInfo }> {
  const goal = await findGoal(sql, id);
  if (!goal) throw notFound('goals.not_found');
  return { goal, agreement: await agreementOr404(sql, goal.agreementId) };
}

export async function measureOr404(sql: Sql, id: string): Promise<{ measure: Measure; goal: Goal; agreement: AgreementInfo }> {
  const measure = await findMeasure(sql, id);
  if (!measure) throw notFound('goals.measure_not_found');
  return { measure, ...(await goalOr404(sql, measure.goalId)) };
}

export async function linkOr404(sql: Sql, id: string): Promise<{ link: IndicatorLink; measure: Measure; goal: Goal; agreement: AgreementInfo }> {
  const link = await findLink(sql, id);
  if (!link) throw notFound('goals.indicator_link_not_found');
  return { link, ...(await measureOr404(sql, link.measureId)) };
}

export const subjectOf = (agreement: AgreementInfo, measure?: Pick<Measure, 'ownerPartyIds'>): GoalSubject => ({
  coordinatingPartyId: agreement.coordinatingPartyId,
  partyIds: agreement.partyIds,
  ownerPartyIds: measure?.ownerPartyIds ?? [],
});

export async function checkSection(sql: Sql, agreementId: string, sectionId: string | null): Promise<void> {
  if (!sectionId) return;
  const sections = await listSections(sql, agreementId);
  if (!sections.some((s) => s.id === sectionId)) throw invalid([{ field: 'sectionId', code: 'section_not_in_agreement' }]);
}

export function checkOwners(agreement: AgreementInfo, ownerIds: readonly string[]): void {
  const issues: FieldIssue[] = [];
  if (ownerIds.some((p) => !agreement.partyIds.includes(p))) issues.push({ field: 'ownerPartyIds', code: 'owner_not_party' });
  if (issues.length) throw invalid(issues);
}

export async function checkIndicator(sql: Sql, indicatorId: string): Promise<void> {
  if (!(await findIndicators(sql, [indicatorId])).has(indicatorId)) throw invalid([{ field: 'indicatorId', code: 'indicator_not_found' }]);
}

/**
 * A value may be recorded only for a link of the measure, for an area in the link's scope that is the party's
 * own area (Oulu for '564', the county for 'HVA17', the regional council for its region). Otherwise forbidden.
 */
export async function checkValueArea(sql: Sql, agreement: AgreementInfo, measure: Measure, linkId: string, partyId: string, areaCode: string): Promise<void> {
  const link = await findLink(sql, linkId);
  if (!link || link.measureId !== measure.id) throw invalid([{ field: 'linkId', code: 'link_not_in_measure' }]);
  const scopes = await scopeAreas(sql, agreement);
  if (!scopes[link.scope].some((a) => a.code === areaCode)) throw invalid([{ field: 'areaCode', code: 'area_not_in_scope' }]);
  const [party] = await findParties(sql, [partyId]);
  if (!party || !ownAreaCodes(party).includes(areaCode)) throw forbidden('goals.not_own_area');
}
