import type { Ctx } from '#platform/context.ts';
import { helsinkiDate } from '#platform/clock.ts';
import { notFound } from '#platform/errors.ts';
import { assertCan, can } from '#platform/policy.ts';
import { getCooperationRegion, getParty, type CooperationRegion, type Party } from '#modules/parties/index.ts';
import type { Forum } from './forum.ts';
import { forumPolicy, regionForumsPolicy } from './forum-policy.ts';
import { countyExists, forumSubject, listForumsOfCounty, regionPartyIds } from './forum-queries.ts';
import { byUrgency, minutesFinal, type ActionItemRow } from './minutes.ts';
import { actionPolicy } from './minutes-policy.ts';
import { listActionsOfParty, listActionsOfRegion } from './minutes-queries.ts';
import type { MeetingState } from './meeting.ts';

export interface ActionList {
  actions: (ActionItemRow & { canClose: boolean })[];
  today: string;
  /** The region's parties (the owners' names). */
  parties: Party[];
  region: CooperationRegion;
}

type Row = Awaited<ReturnType<typeof listActionsOfRegion>>[number];

/**
 * The action items the actor may see, open and overdue first: a forum's managers see them all; the region's parties
 * and the forum's members once the minutes are approved; everyone once a public forum's minutes are published.
 */
async function visible(ctx: Ctx, countyCode: string, rows: Row[]): Promise<ActionList> {
  const forums = new Map<string, { forum: Forum; subject: ReturnType<typeof forumSubject> }>();
  const regionParties = new Map<string, string[]>();
  for (const r of rows) {
    if (forums.has(r.forumId)) continue;
    if (!regionParties.has(r.countyCode)) regionParties.set(r.countyCode, await regionPartyIds(ctx.db, r.countyCode));
    for (const f of await listForumsOfCounty(ctx.db, r.countyCode)) forums.set(f.id, { forum: f, subject: forumSubject(f, regionParties.get(r.countyCode)!) });
  }
  const today = helsinkiDate(ctx.clock.now());
  const shown = rows.filter((r) => {
    const s = forums.get(r.forumId)!.subject;
    const state = r.meetingState as MeetingState;
    return can(forumPolicy, 'forum.manage', ctx.actor, s) || (minutesFinal(state) && can(forumPolicy, 'forum.view_internal', ctx.actor, s)) || (state === 'published' && s.isPublic);
  });
  return {
    actions: shown
      .sort(byUrgency(today))
      .map(({ forumIsPublic: _p, meetingState: _s, ...a }) => ({ ...a, canClose: a.status === 'open' && can(actionPolicy, 'action.close', ctx.actor, { ...forums.get(a.forumId)!.subject, actionOwnerPartyId: a.ownerPartyId }) })),
    today,
    ...(await getCooperationRegion(ctx, countyCode)),
  };
}

/** A region's open action items (or all with `includeClosed`): the region overview. */
export async function listRegionActions(ctx: Ctx, countyCode: string, opts: { includeClosed?: boolean } = {}): Promise<ActionList> {
  assertCan(regionForumsPolicy, 'forums.list', ctx.actor, { countyCode: countyCode.toUpperCase() });
  const county = countyCode.toUpperCase();
  if (!(await countyExists(ctx.db, county))) throw notFound('parties.region_not_found');
  return visible(ctx, county, await listActionsOfRegion(ctx.db, county, opts.includeClosed ?? false));
}

/** The action items a party owns, for its page. */
export async function listPartyActions(ctx: Ctx, partyId: string, opts: { includeClosed?: boolean } = {}): Promise<ActionList> {
  const { party } = await getParty(ctx, partyId);
  assertCan(regionForumsPolicy, 'forums.list', ctx.actor, { countyCode: party.countyCode ?? '' });
  if (!party.countyCode) throw notFound('parties.region_not_found');
  return visible(ctx, party.countyCode, await listActionsOfParty(ctx.db, partyId, opts.includeClosed ?? false));
}
