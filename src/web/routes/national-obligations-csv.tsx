import { getNationalObligations, nationalObligationsCsv } from '#modules/obligations/index.ts';
import { catalogs } from '#i18n/index.ts';
import type { Route } from './+types/national-obligations-csv';
import { ctxOf } from '../app-context.ts';
import { langOf } from '../run.server.ts';

/** Resource route: the national overview as open data (one row per region and obligation, codes and counts). */
export async function loader({ context, request }: Route.LoaderArgs) {
  const n = await getNationalObligations(ctxOf(context));
  return new Response(nationalObligationsCsv(n), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${catalogs[langOf(request)].obligations.csvFileName}-${n.today}.csv"`,
    },
  });
}
