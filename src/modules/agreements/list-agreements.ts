import { getCooperationRegion } from '#modules/parties/index.ts';
import type { Ctx } from '#platform/context.ts';
import { can } from '#platform/policy.ts';
import { subjectOf } from './agreement-access.ts';
import { agreementPolicy, createPolicy } from './agreement-policy.ts';
import { listAgreementsOfCounty, type AgreementListRow } from './agreement-queries.ts';
import { withCurrentStatus } from './approval-state.ts';

/**
 * The agreements of a cooperation region: all of them for those acting for one of their parties, the ones
 * with a public version for everyone else. Also tells whether the actor may start a new one.
 */
export async function listAgreements(
  ctx: Ctx,
  countyCode: string,
): Promise<{ region: { code: string; name: { fi: string; sv: string; en: string } }; items: (AgreementListRow & { draftVisible: boolean })[]; canCreate: boolean }> {
  const { region, parties } = await getCooperationRegion(ctx, countyCode);
  const rows = await listAgreementsOfCounty(ctx.db, region.code);
  const items = rows
    .map((r) => ({ ...r, draftVisible: can(agreementPolicy, 'agreement.view_draft', ctx.actor, subjectOf(r.agreement)) }))
    .filter((r) => r.draftVisible || r.publicVersionCount > 0)
    // The status of the day, not the stored one (which the status job moves along the calendar).
    .map((r) => ({ ...r, agreement: withCurrentStatus(r.agreement, ctx.clock.now()) }))
    // Outside the parties, only public versions exist.
    .map((r) => (r.draftVisible ? r : { ...r, latestVersion: r.latestPublicVersion, versionCount: r.publicVersionCount }));
  const county = parties.find((p) => p.type === 'wellbeing_services_county' || p.type === 'city_of_helsinki');
  const canCreate = parties.some((p) => can(createPolicy, 'agreement.create', ctx.actor, { coordinatingPartyId: p.id })) && !!county;
  return { region: { code: region.code, name: region.name }, items, canCreate };
}
