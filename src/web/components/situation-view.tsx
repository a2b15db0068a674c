import type {
  AreaSeries,
  IndicatorSituation,
} from "#modules/situation/index.ts";
import {
  classOf,
  MAX_INDICATORS,
  quantileBreaks,
  rankOf,
} from "#modules/situation/index.ts";
import type { ProjectedMap } from "#modules/situation/index.ts";
import { useI18n } from "../i18n.tsx";
import { TableScroll } from "./table.tsx";
import {
  ChoroplethMap,
  ClassSwatch,
  LineChart,
  type ChartSeries,
} from "./situation-charts.tsx";

type Choice = { id: string; title: { fi: string; sv: string; en: string } };

/** GET form choosing the indicators (checkboxes; works without JavaScript). */
export function IndicatorChooser({
  action,
  catalogue,
  chosen,
  extra,
}: {
  action: string;
  catalogue: readonly Choice[];
  chosen: readonly string[];
  extra?: Record<string, string>;
}) {
  const { t, lang } = useI18n();
  const s = t.situation;
  if (!catalogue.length)
    return <p className="notice notice--info">{s.noIndicators}</p>;
  return (
    <form method="get" action={action} className="card">
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <fieldset className="choices">
        <legend>{s.chooseIndicators}</legend>
        <p className="field__hint">{s.chooseHint(MAX_INDICATORS)}</p>
        <ul className="choices__list choices__list--columns">
          {catalogue.map((c) => (
            <li key={c.id}>
              <input
                type="checkbox"
                id={`ind-${c.id}`}
                name="indicator"
                value={c.id}
                defaultChecked={chosen.includes(c.id)}
              />{" "}
              <label htmlFor={`ind-${c.id}`}>
                {c.title[lang] || c.title.fi}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" className="button">
        {s.show}
      </button>
    </form>
  );
}

export const indicatorTitle = (
  s: IndicatorSituation,
  lang: "fi" | "sv" | "en",
) => s.indicator.title[lang] || s.indicator.title.fi;

/** The source line every shown indicator carries (THL and Statistics Finland data are CC BY 4.0). */
export function SourceNote({ s }: { s: IndicatorSituation }) {
  const { t } = useI18n();
  return (
    <p className="muted">
      {t.situation.source(
        s.indicator.attribution || s.indicator.organisation,
        s.indicator.licence,
      )}
      {s.indicator.unit ? ` ${t.situation.unit(s.indicator.unit)}` : ""}
    </p>
  );
}

/**
 * Series for a trend chart. Counts (additive indicators) of areas of very different size are shown as an index
 * (first common year = 100); rates as they are.
 */
export function trendSeries(
  series: readonly { label: string; area: AreaSeries }[],
  additive: boolean,
): { chart: ChartSeries[]; baseYear: number | null } {
  const withValues = series.filter((x) => Object.keys(x.area.values).length);
  if (!additive)
    return {
      chart: withValues.map((x) => ({ label: x.label, values: x.area.values })),
      baseYear: null,
    };
  const common = withValues.length
    ? Object.keys(withValues[0]!.area.values)
        .map(Number)
        .filter((y) =>
          withValues.every(
            (x) => x.area.values[y] !== undefined && x.area.values[y] !== 0,
          ),
        )
        .sort((a, b) => a - b)
    : [];
  const base = common[0];
  if (base === undefined)
    return {
      chart: withValues.map((x) => ({ label: x.label, values: x.area.values })),
      baseYear: null,
    };
  return {
    baseYear: base,
    chart: withValues.map((x) => ({
      label: x.label,
      values: Object.fromEntries(
        Object.entries(x.area.values).map(([y, v]) => [
          y,
          (v / x.area.values[base]!) * 100,
        ]),
      ),
    })),
  };
}

/** Trend chart with its table of every year (in a <details>). */
export function TrendBlock({
  id,
  s,
  series,
  inChart = () => true,
}: {
  id: string;
  s: IndicatorSituation;
  /** Every row of the table; the chart draws those inChart accepts (a chart of 30 lines would be unreadable). */
  series: readonly { label: string; area: AreaSeries }[];
  inChart?: (area: AreaSeries) => boolean;
}) {
  const { t, lang, number } = useI18n();
  const name = indicatorTitle(s, lang);
  const fmt = (n: number) => number(n, s.indicator.decimals);
  const { chart, baseYear } = trendSeries(
    series.filter((x) => inChart(x.area)),
    s.indicator.additive,
  );
  const years = s.years;
  return (
    <>
      {baseYear !== null && <p>{t.situation.indexNote(baseYear)}</p>}
      {chart.length > 0 && years.length > 0 && (
        <LineChart
          id={id}
          title={t.situation.chartTitle(name)}
          desc={t.situation.chartDesc(
            chart.map((c) => c.label).join(", "),
            years[0]!,
            years[years.length - 1]!,
          )}
          series={chart}
          format={(n) =>
            number(n, baseYear !== null ? 0 : s.indicator.decimals)
          }
        />
      )}
      <details>
        <summary>{t.situation.dataTable}</summary>
        <TableScroll labelledBy={`${id}-tcap`}>
          <table className="table">
            <caption id={`${id}-tcap`}>
              {t.situation.tableCaption(name)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.situation.colArea}</th>
                {years.map((y) => (
                  <th key={y} scope="col" className="num">
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map(({ label, area }) => (
                <tr key={`${area.areaType}:${area.code}`}>
                  <th scope="row">{label}</th>
                  {years.map((y) => (
                    <td key={y} className="num">
                      {area.values[y] !== undefined ? (
                        fmt(area.values[y]!)
                      ) : (
                        <span className="muted">–</span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </>
  );
}

/** The region's latest year: a choropleth of the municipalities, a text legend and the table of values. */
export function LatestYearBlock({
  id,
  s,
  map,
  municipalityHref,
}: {
  id: string;
  s: IndicatorSituation;
  map: ProjectedMap;
  municipalityHref: (partyId: string) => string;
}) {
  const { t, lang, number } = useI18n();
  const year = s.latestYear!;
  const name = indicatorTitle(s, lang);
  const fmt = (n: number) => number(n, s.indicator.decimals);
  const values = s.municipalities
    .map((m) => m.values[year])
    .filter((v): v is number => v !== undefined);
  const breaks = quantileBreaks(values);
  const sorted = [...values].sort((a, b) => a - b);
  const lowerOf = (k: number) =>
    k === 0 ? sorted[0]! : sorted.find((v) => v > breaks[k - 1]!)!;
  const missing = s.municipalities.length - values.length;
  const areas = s.municipalities.map((m) => {
    const v = m.values[year];
    const cls = v === undefined ? null : classOf(v, breaks);
    const label = `${m.name[lang]}: ${v === undefined ? t.situation.noValue : fmt(v)}${cls ? ` (${t.situation.colClass.toLowerCase()} ${cls})` : ""}`;
    return { code: m.code, name: m.name[lang], cls, label };
  });
  return (
    <>
      <div className="situation-figure">
        <ChoroplethMap
          id={id}
          map={map}
          areas={areas}
          title={t.situation.mapTitle(name, year)}
          desc={t.situation.mapDesc(breaks.length, missing)}
        />
        <div>
          <h4>{t.situation.mapLegend}</h4>
          <ul className="situation-legend">
            {breaks.map((b, k) => (
              <li key={k}>
                <ClassSwatch id={`${id}-lg${k + 1}`} cls={k + 1} />{" "}
                {t.situation.legendClass(k + 1, fmt(lowerOf(k)), fmt(b))}
              </li>
            ))}
            {missing > 0 && (
              <li>
                <ClassSwatch id={`${id}-lg0`} cls={null} />{" "}
                {t.situation.legendMissing}
              </li>
            )}
          </ul>
          <p className="muted">{t.situation.mapSource}</p>
        </div>
      </div>
      <TableScroll labelledBy={`${id}-cap`}>
        <table className="table">
          <caption id={`${id}-cap`}>
            {t.situation.latestTableCaption(name, year)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.situation.colArea}</th>
              <th scope="col" className="num">
                {t.situation.colValue}
              </th>
              <th scope="col" className="num">
                {t.situation.colClass}
              </th>
              <th scope="col" className="num">
                {t.situation.colRank}
              </th>
            </tr>
          </thead>
          <tbody>
            {s.municipalities.map((m, k) => {
              const v = m.values[year];
              return (
                <tr key={m.code}>
                  <th scope="row">
                    {m.partyId ? (
                      <a href={municipalityHref(m.partyId)}>{m.name[lang]}</a>
                    ) : (
                      m.name[lang]
                    )}
                  </th>
                  <td className="num">
                    {v !== undefined ? (
                      fmt(v)
                    ) : (
                      <span className="muted">{t.situation.noValue}</span>
                    )}
                  </td>
                  <td className="num">{areas[k]!.cls ?? ""}</td>
                  <td className="num">
                    {v !== undefined ? rankOf(v, values) : ""}
                  </td>
                </tr>
              );
            })}
            {[s.county, s.country].map((a) => (
              <tr key={a.code}>
                <th scope="row">
                  {a.name[lang]}
                  {a.computed ? ` (${t.situation.computed})` : ""}
                </th>
                <td className="num">
                  {a.values[year] !== undefined ? (
                    fmt(a.values[year]!)
                  ) : (
                    <span className="muted">{t.situation.noValue}</span>
                  )}
                </td>
                <td />
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {s.county.computed && <p className="muted">{t.situation.computedNote}</p>}
    </>
  );
}
