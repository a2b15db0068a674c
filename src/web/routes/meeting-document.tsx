import { exportMeetingDocument } from '#modules/forums/index.ts';
import type { Route } from './+types/meeting-document';
import { ctxOf } from '../app-context.ts';
import { downloadResponse } from '../download.server.ts';
import { load } from '../run.server.ts';

/** Resource route: a meeting's agenda or minutes as DOCX or PDF/A-2b, e.g. /meetings/:id/documents/minutes-sv.pdf. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  return downloadResponse(await load(request, () => exportMeetingDocument(ctxOf(context), params.id, params.file)));
}
