import type { Ctx } from '#platform/context.ts';
import { assertCan, can, permittedActions } from '#platform/policy.ts';
import { getCooperationRegion, type CooperationRegion, type Party } from '#modules/parties/index.ts';
import type { Forum, ForumAgreementRef } from './forum.ts';
import type { Meeting } from './meeting.ts';
import { listMeetingsOfForum } from './meeting-queries.ts';
import { forumWithSubject } from './forum-access.ts';
import { forumPolicy, type ForumAbility, type ForumSubject } from './forum-policy.ts';
import { agreementRefs, regionPartyIds } from './forum-queries.ts';

/** Who may see e-mail addresses: those who see the forum's internal material. */
export function visibleForum(ctx: Ctx, f: Forum, s: ForumSubject): Forum {
  if (can(forumPolicy, 'forum.view_internal', ctx.actor, s)) return f;
  return { ...f, members: f.members.map((m) => ({ ...m, email: null, userId: null })) };
}

export interface ForumDetails {
  forum: Forum;
  permittedActions: ForumAbility[];
  agreements: ForumAgreementRef[];
  regionPartyIds: string[];
  region: CooperationRegion;
  parties: Party[];
  meetings: Meeting[];
}

/** One forum with its members and the agreements that refer to it. Public forums are public. */
export async function getForum(ctx: Ctx, forumId: string): Promise<ForumDetails> {
  const { forum, subject } = await forumWithSubject(ctx.db, forumId);
  assertCan(forumPolicy, 'forum.view', ctx.actor, subject);
  return {
    forum: visibleForum(ctx, forum, subject),
    permittedActions: permittedActions(forumPolicy, ctx.actor, subject),
    agreements: await agreementRefs(ctx.db, forumId),
    regionPartyIds: await regionPartyIds(ctx.db, forum.countyCode),
    ...(await getCooperationRegion(ctx, forum.countyCode)),
    meetings: await listMeetingsOfForum(ctx.db, forumId),
  };
}
