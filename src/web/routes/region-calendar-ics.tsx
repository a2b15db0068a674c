import { calendarFeedIcs, getRegionFeed } from '#modules/forums/index.ts';
import type { Route } from './+types/region-calendar-ics';
import { ctxOf } from '../app-context.ts';
import { icsResponse } from '../calendar.server.ts';
import { langOf, load } from '../run.server.ts';

/** Resource route: the meetings of the region's public forums as an iCalendar feed (in the page's language). */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const feed = await load(request, () => getRegionFeed(ctxOf(context), params.code));
  const ics = calendarFeedIcs(feed, { lang: langOf(request), siteUrl: context.services.config.publicUrl });
  return icsResponse(ics, { fileName: `kumppanuus-${params.code.toUpperCase()}.ics`, personal: false });
}
