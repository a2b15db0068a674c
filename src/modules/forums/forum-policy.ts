import { hasPartyRole, isPlatformAdmin, roleIn, type Actor } from '#platform/actor.ts';
import type { Policy } from '#platform/policy.ts';

/** What the rules need to know about a forum. */
export interface ForumSubject {
  countyCode: string;
  ownerPartyId: string;
  isPublic: boolean;
  /** The parties of the forum's cooperation region. */
  regionPartyIds: readonly string[];
  /** Accounts of the forum's chair(s) and secretary(ies). */
  managerUserIds: readonly string[];
  /** Accounts of every named member. */
  memberUserIds: readonly string[];
}

const userId = (a: Actor) => (a.kind === 'user' ? a.userId : null);

/** The coordinating party's editors, and the forum's chair and secretary; the start-up seeding as system. */
export const managesForum = (a: Actor, s: ForumSubject) =>
  a.kind === 'system' || hasPartyRole(a, s.ownerPartyId, 'editor') || (userId(a) !== null && s.managerUserIds.includes(userId(a)!));

/** Anyone acting for a party of the region, the forum's named members, platform administrators. */
export const seesInternal = (a: Actor, s: ForumSubject) =>
  isPlatformAdmin(a) || s.regionPartyIds.some((p) => roleIn(a, p) !== undefined) || (userId(a) !== null && s.memberUserIds.includes(userId(a)!));

export type ForumAbility = 'forum.view' | 'forum.view_internal' | 'forum.manage';

/**
 * Public forums can be seen by everyone; internal ones stay with the region's parties and the forum's members.
 * Only the coordinating party's editors and the forum's chair and secretary change the forum and its meetings.
 */
export const forumPolicy: Policy<ForumAbility, ForumSubject> = {
  'forum.view': (a, s) => s.isPublic || seesInternal(a, s),
  'forum.view_internal': seesInternal,
  'forum.manage': managesForum,
};

/** Setting up a forum: an editor of the party that will coordinate it (a party of the region, checked by the use case). */
export const createForumPolicy: Policy<'forum.create', { ownerPartyId: string }> = {
  'forum.create': (a, s) => a.kind === 'system' || hasPartyRole(a, s.ownerPartyId, 'editor'),
};

/** Reading a region's list of forums: everyone (internal forums are filtered by forum.view). */
export const regionForumsPolicy: Policy<'forums.list', { countyCode: string }> = {
  'forums.list': () => true,
};
