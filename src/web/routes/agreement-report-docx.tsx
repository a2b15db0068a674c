import type { Route } from './+types/agreement-report-docx';
import { reportFileResponse } from '../report.server.ts';

/** Resource route: the annual follow-up report as DOCX, ?year=&lang=fi|sv. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  return reportFileResponse(request, context, params.id, 'docx');
}
