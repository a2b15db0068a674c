import { getNegotiationMinutes } from '#modules/obligations/index.ts';
import type { Route } from './+types/obligation-minutes';
import { ctxOf } from '../app-context.ts';
import { downloadResponse } from '../download.server.ts';
import { load } from '../run.server.ts';

/** Resource route: the minutes of a recorded negotiation (public), as a download of its checked type. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  return downloadResponse(await load(request, () => getNegotiationMinutes(ctxOf(context), params.id)));
}
