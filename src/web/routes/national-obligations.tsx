import { getNationalObligations, OBLIGATION_CODES, type ObligationCode, type ObligationStatus } from '#modules/obligations/index.ts';
import { countiesMap, MAP_ATTRIBUTION } from '#modules/situation/index.ts';
import type { Route } from './+types/national-obligations';
import { ctxOf } from '../app-context.ts';
import { ObligationStatusTag, usePeriodLabel } from '../components/obligation-parts.tsx';
import { SelectField, SubmitButton } from '../components/forms.tsx';
import { useI18n } from '../i18n.tsx';
import { dailyPublicPageHeaders } from '../public-page.ts';

/** Public and the same for everyone (no forms but a GET one); the statuses depend on today's date in Helsinki. */
export const headers = dailyPublicPageHeaders;

export async function loader({ context, request }: Route.LoaderArgs) {
  const asked = new URL(request.url).searchParams.get('obligation') ?? '';
  const mapped: ObligationCode = (OBLIGATION_CODES as readonly string[]).includes(asked) ? (asked as ObligationCode) : 'hva_14_negotiation';
  return { ...(await getNationalObligations(ctxOf(context))), mapped, map: countiesMap() };
}

/** Fills of the map by status: a pattern and a shade, so no status is told by colour alone. */
const FILL: Record<ObligationStatus, string> = { met: 'met', due: 'due', overdue: 'overdue', not_yet_due: 'notyet' };

export default function NationalObligationsPage({ loaderData }: Route.ComponentProps) {
  const { t, lang, href, date } = useI18n();
  const ob = t.obligations;
  const d = loaderData;
  const periodLabel = usePeriodLabel();
  const byCounty = new Map(d.regions.map((r) => [r.region.countyCode, r]));
  const mappedTitle = ob.obligation[d.mapped].title;
  const mappedPeriod = d.periods[d.mapped];
  return (
    <div className="page">
      <title>{`${ob.nationalTitle} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href('/')}>{t.common.nav.home}</a>
      </nav>
      <h1>{ob.nationalTitle}</h1>
      <p className="lead">{ob.nationalIntro}</p>
      <p>
        {ob.today({ date: date(d.today) })} · <a href={href('/obligations/catalogue')}>{ob.catalogueVersion({ version: d.catalogueVersion })}</a>
      </p>
      <p>
        {ob.openData}: <a href={href('/obligations.csv')}>{ob.csv}</a> · <a href="/api/v1/obligations">{ob.json}</a>
      </p>

      <section aria-labelledby="map-h" className="obligation-map">
        <h2 id="map-h">{`${mappedTitle} – ${periodLabel(mappedPeriod)}`}</h2>
        <form method="get" className="inline-form">
          <SelectField name="obligation" label={ob.obligationField} defaultValue={d.mapped} options={OBLIGATION_CODES.map((c) => ({ value: c, label: ob.obligation[c].title }))} />
          <SubmitButton variant="secondary">{ob.showOnMap}</SubmitButton>
        </form>
        <p id="map-hint">{ob.mapHint}</p>
        <svg role="img" aria-labelledby="map-title map-desc" viewBox={`0 0 ${d.map.width} ${d.map.height}`} className="situation-map" width={d.map.width} height={d.map.height}>
          <title id="map-title">{mappedTitle}</title>
          <desc id="map-desc">{ob.mapHint}</desc>
          <defs>
            <pattern id="fill-met" width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill="#1a6e4a" />
            </pattern>
            <pattern id="fill-due" width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill="#d9ebf7" />
              <circle cx="3" cy="3" r="1" fill="#2a6ebb" />
            </pattern>
            <pattern id="fill-overdue" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#fbe7eb" />
              <rect width="2.5" height="6" fill="#a8102f" />
            </pattern>
            <pattern id="fill-notyet" width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill="#ffffff" />
            </pattern>
          </defs>
          <g stroke="#333" strokeWidth="0.8">
            {d.map.counties.map((c) => {
              const r = byCounty.get(c.code);
              const cell = r?.cells.find((x) => x.obligationCode === d.mapped);
              const label = r && cell ? `${r.region.name[lang]}: ${ob.statuses[cell.status]}, ${ob.partiesMet({ met: cell.met, total: cell.obliged })}` : c.code;
              return (
                <path key={c.code} d={c.d} fill={`url(#fill-${cell ? FILL[cell.status] : 'notyet'})`} data-code={c.code}>
                  <title>{label}</title>
                </path>
              );
            })}
          </g>
        </svg>
        <ul className="map-legend">
          {(['met', 'due', 'overdue', 'not_yet_due'] as const).map((s) => (
            <li key={s}>
              <svg width="20" height="20" aria-hidden="true" focusable="false">
                <rect width="20" height="20" fill={`url(#fill-${FILL[s]})`} stroke="#333" />
              </svg>{' '}
              {ob.statuses[s]}
            </li>
          ))}
        </ul>
        <p className="muted">{MAP_ATTRIBUTION}</p>
      </section>

      <div className="table-scroll" role="region" aria-labelledby="regions-caption" tabIndex={0}>
        <table className="table">
          <caption id="regions-caption">{ob.regionsTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{ob.region}</th>
              {OBLIGATION_CODES.map((c) => (
                <th key={c} scope="col">
                  {ob.obligation[c].title}
                  <br />
                  <span className="muted">{periodLabel(d.periods[c])}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.regions.map((r) => (
              <tr key={r.region.countyCode}>
                <th scope="row">
                  <a href={href(`/regions/${r.region.countyCode}/obligations`)}>{r.region.name[lang]}</a>
                </th>
                {r.cells.map((c) => (
                  <td key={c.obligationCode}>
                    <ObligationStatusTag status={c.status} />
                    <br />
                    {ob.partiesMet({ met: c.met, total: c.obliged })}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
