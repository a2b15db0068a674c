import { calendarFeedIcs, getPartyFeed } from '#modules/forums/index.ts';
import type { Route } from './+types/party-calendar-ics';
import { ctxOf } from '../app-context.ts';
import { icsResponse } from '../calendar.server.ts';
import { langOf, load } from '../run.server.ts';

/** Resource route: the party's meetings in public forums (member, coordinator or invitee) as an iCalendar feed. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const feed = await load(request, () => getPartyFeed(ctxOf(context), params.id));
  const ics = calendarFeedIcs(feed, { lang: langOf(request), siteUrl: context.services.config.publicUrl });
  return icsResponse(ics, { fileName: `kumppanuus-party-${params.id}.ics`, personal: false });
}
