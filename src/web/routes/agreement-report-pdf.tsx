import type { Route } from './+types/agreement-report-pdf';
import { reportFileResponse } from '../report.server.ts';

/** Resource route: the annual follow-up report as PDF/A-2b, ?year=&lang=fi|sv. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  return reportFileResponse(request, context, params.id, 'pdf');
}
