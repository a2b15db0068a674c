import type { Route } from './+types/agreement-version-pdf';
import { exportResponse } from '../agreement-export.server.ts';

/** Resource route: the version as PDF/A-2b (for archiving), ?lang=fi|sv. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  return exportResponse(request, context, params, 'pdf');
}
