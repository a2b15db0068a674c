import { calendarFeedIcs, getForumFeed } from '#modules/forums/index.ts';
import type { Route } from './+types/forum-calendar-ics';
import { ctxOf } from '../app-context.ts';
import { icsResponse } from '../calendar.server.ts';
import { langOf, load } from '../run.server.ts';

/** Resource route: a public forum's meetings as an iCalendar feed (an internal forum has none: 404). */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const feed = await load(request, () => getForumFeed(ctxOf(context), params.id));
  const ics = calendarFeedIcs(feed, { lang: langOf(request), siteUrl: context.services.config.publicUrl });
  return icsResponse(ics, { fileName: `kumppanuus-forum-${params.id}.ics`, personal: false });
}
