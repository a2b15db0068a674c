import { getObligationDocumentFile } from '#modules/obligations/index.ts';
import type { Route } from './+types/obligation-document-file';
import { ctxOf } from '../app-context.ts';
import { downloadResponse } from '../download.server.ts';
import { load } from '../run.server.ts';

/** Resource route: a recorded report (welfare report, yearly or follow-up report; public), as a download. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  return downloadResponse(await load(request, () => getObligationDocumentFile(ctxOf(context), params.id)));
}
