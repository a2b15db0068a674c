import type { Route } from './+types/agreement-version-docx';
import { exportResponse } from '../agreement-export.server.ts';

/** Resource route: the version as DOCX (for agendas), ?lang=fi|sv. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  return exportResponse(request, context, params, 'docx');
}
