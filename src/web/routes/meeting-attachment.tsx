import { getItemAttachment } from '#modules/forums/index.ts';
import type { Route } from './+types/meeting-attachment';
import { ctxOf } from '../app-context.ts';
import { downloadResponse } from '../download.server.ts';
import { load } from '../run.server.ts';

/** Resource route: an agenda item's attachment, for those who see the agenda, as a download. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  return downloadResponse(await load(request, () => getItemAttachment(ctxOf(context), params.id)));
}
