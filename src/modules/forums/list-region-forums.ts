import { hasPartyRole } from '#platform/actor.ts';
import type { Ctx } from '#platform/context.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan, can } from '#platform/policy.ts';
import { getCooperationRegion, type CooperationRegion, type Party } from '#modules/parties/index.ts';
import type { Forum } from './forum.ts';
import { forumPolicy, regionForumsPolicy } from './forum-policy.ts';
import { countyExists, forumSubject, listForumsOfCounty, regionPartyIds } from './forum-queries.ts';
import { visibleForum } from './get-forum.ts';

/** The forums of a cooperation region that the actor may see, and the parties for which they may set one up. */
export async function listRegionForums(ctx: Ctx, countyCode: string): Promise<{ countyCode: string; region: CooperationRegion; parties: Party[]; forums: Forum[]; canCreateFor: string[] }> {
  const county = countyCode.toUpperCase();
  assertCan(regionForumsPolicy, 'forums.list', ctx.actor, { countyCode: county });
  if (!(await countyExists(ctx.db, county))) throw notFound('parties.region_not_found');
  const parties = await regionPartyIds(ctx.db, county);
  const forums = (await listForumsOfCounty(ctx.db, county))
    .map((f) => ({ f, s: forumSubject(f, parties) }))
    .filter(({ s }) => can(forumPolicy, 'forum.view', ctx.actor, s))
    .map(({ f, s }) => visibleForum(ctx, f, s));
  const canCreateFor = ctx.actor.kind === 'system' ? parties : parties.filter((p) => hasPartyRole(ctx.actor, p, 'editor'));
  const { region, parties: partyList } = await getCooperationRegion(ctx, county);
  return { countyCode: county, region, parties: partyList, forums, canCreateFor };
}
