import { calendarFeedIcs, getPersonalFeed } from '#modules/forums/index.ts';
import { data } from 'react-router';
import type { Route } from './+types/personal-calendar-ics';
import { ctxOf } from '../app-context.ts';
import { icsResponse } from '../calendar.server.ts';
import { langOf, load } from '../run.server.ts';

/**
 * Resource route: a person's own feed at /calendar/<secret>.ics, fetched by their calendar program without a
 * session (the secret is the credential). A revoked or unknown secret is 404.
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const m = /^(.+)\.ics$/.exec(params.file);
  if (!m) throw data({ code: 'calendar.feed_not_found' }, { status: 404 });
  const feed = await load(request, () => getPersonalFeed(ctxOf(context), m[1]!));
  const ics = calendarFeedIcs(feed, { lang: langOf(request), siteUrl: context.services.config.publicUrl });
  return icsResponse(ics, { fileName: 'kumppanuus-personal.ics', personal: true });
}
