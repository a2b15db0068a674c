import type { Actor } from '#platform/actor.ts';
import type { Policy } from '#platform/policy.ts';

export type CalendarAbility = 'calendar.view' | 'calendar.public_feed';

/**
 * A region's calendar and the public feeds can be read by everyone: each meeting in them is shown only when its
 * forum may be seen (forum.view, forumPolicy) and a public feed holds only public forums' meetings, whoever asks
 * (a calendar program fetches it without signing in, and one URL must give everyone the same answer).
 */
export const calendarPolicy: Policy<CalendarAbility, { countyCode: string } | { forumId: string } | { partyId: string }> = {
  'calendar.view': () => true,
  'calendar.public_feed': () => true,
};

export type CalendarFeedAbility = 'calendar_feed.create' | 'calendar_feed.manage';

const isPerson = (a: Actor, s: { userId: string }) => a.kind === 'user' && s.userId !== '' && a.userId === s.userId;

/**
 * A personal feed is its owner's own: only the signed-in person creates, sees and revokes theirs — never an API
 * token (it acts for a party, not a person) and never someone else, a platform administrator included (the feed
 * shows what its owner may see).
 */
export const calendarFeedPolicy: Policy<CalendarFeedAbility, { userId: string }> = {
  'calendar_feed.create': isPerson,
  'calendar_feed.manage': isPerson,
};
