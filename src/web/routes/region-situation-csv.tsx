import { getRegionSituation, situationCsv } from '#modules/situation/index.ts';
import type { Route } from './+types/region-situation-csv';
import { catalogs } from '#i18n/index.ts';
import { ctxOf } from '../app-context.ts';
import { langOf, load } from '../run.server.ts';

/** Resource route: the region dashboard's numbers (chosen indicators, every area and year) as CSV. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const lang = langOf(request);
  const indicators = new URL(request.url).searchParams.getAll('indicator');
  const r = await load(request, () => getRegionSituation(ctxOf(context), params.code, { indicators }));
  return new Response(situationCsv(r.situations, lang), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${catalogs[lang].situation.csvFileName}-${r.region.code}.csv"`,
    },
  });
}
