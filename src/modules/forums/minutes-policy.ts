import { hasPartyRole, type Actor } from '#platform/actor.ts';
import type { Policy } from '#platform/policy.ts';
import { managesForum, seesInternal, type ForumSubject } from './forum-policy.ts';
import { minutesFinal } from './minutes.ts';
import type { MeetingState } from './meeting.ts';

/** What the rules need to know about a meeting's agenda and minutes. */
export interface MeetingRecordSubject extends ForumSubject {
  state: MeetingState;
  agendaPublished: boolean;
  /** Accounts of the two minutes checkers. */
  checkerUserIds: readonly string[];
}

const userId = (a: Actor) => (a.kind === 'user' ? a.userId : null);
const isChecker = (a: Actor, s: MeetingRecordSubject) => userId(a) !== null && s.checkerUserIds.includes(userId(a)!);

export type MeetingRecordAbility = 'agenda.view' | 'minutes.view' | 'minutes.check' | 'record.view_internal';

/**
 * The forum's managers write the agenda and the minutes (forum.manage). The agenda is seen by the forum's managers
 * while it is being written, by the region's parties and the forum's members once it is published, and by everyone
 * if the forum is public. Draft minutes are for the managers and the two checkers; approved minutes for the
 * region's parties and members; published minutes of a public forum for everyone. Internal notes never leave
 * the region's parties and the forum's members.
 */
export const meetingRecordPolicy: Policy<MeetingRecordAbility, MeetingRecordSubject> = {
  'agenda.view': (a, s) => managesForum(a, s) || (s.agendaPublished && (s.isPublic || seesInternal(a, s))),
  'minutes.view': (a, s) =>
    managesForum(a, s) || isChecker(a, s) || (minutesFinal(s.state) && seesInternal(a, s)) || (s.state === 'published' && s.isPublic),
  'minutes.check': (a, s) => s.state === 'held' && isChecker(a, s),
  'record.view_internal': (a, s) => managesForum(a, s) || seesInternal(a, s),
};

/** Closing an action item: the forum's managers, and the editors of the party that owns the action. */
export const actionPolicy: Policy<'action.close', ForumSubject & { actionOwnerPartyId: string }> = {
  'action.close': (a, s) => managesForum(a, s) || hasPartyRole(a, s.actionOwnerPartyId, 'editor'),
};
