import { compareMunicipality, rankOf } from "#modules/situation/index.ts";
import type { Route } from "./+types/region-situation-compare";
import { ctxOf } from "../app-context.ts";
import {
  IndicatorChooser,
  indicatorTitle,
  SourceNote,
  TrendBlock,
} from "../components/situation-view.tsx";
import { TableScroll } from "../components/table.tsx";
import { useI18n } from "../i18n.tsx";
import { publicPageHeaders } from "../public-page.ts";
import { load } from "../run.server.ts";

export const headers = publicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const sp = new URL(request.url).searchParams;
  return load(request, () =>
    compareMunicipality(ctxOf(context), params.code, {
      indicators: sp.getAll("indicator"),
      municipality: sp.get("municipality") ?? "",
    }),
  );
}

export default function RegionSituationComparePage({
  loaderData,
}: Route.ComponentProps) {
  const { t, lang, href, number } = useI18n();
  const s = t.situation;
  const { region, situations, catalogue, chosen, municipality, medians } =
    loaderData;
  const regionName = region.name[lang];
  const title = s.compareTitle(municipality.name[lang], regionName);
  return (
    <div className="page">
      <title>{`${title} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href("/")}>{t.common.nav.home}</a> ›{" "}
        <a href={href(`/regions/${region.code}`)}>{regionName}</a> ›{" "}
        <a href={href(`/regions/${region.code}/situation`)}>{s.link}</a>
      </nav>
      <h1>{title}</h1>
      <p className="lead">{s.compareIntro}</p>
      <IndicatorChooser
        action={href(`/regions/${region.code}/situation/compare`)}
        catalogue={catalogue}
        chosen={chosen}
        extra={{ municipality: municipality.code }}
      />
      {situations.map((sit, i) => {
        const name = indicatorTitle(sit, lang);
        const self = sit.municipalities.find(
          (m) => m.code === municipality.code,
        )!;
        const fmt = (n: number) => number(n, sit.indicator.decimals);
        const year = sit.latestYear;
        const regionValues =
          year === null
            ? []
            : sit.municipalities
                .map((m) => m.values[year])
                .filter((v): v is number => v !== undefined);
        const own = year === null ? undefined : self.values[year];
        const median = {
          areaType: "region" as const,
          code: "median",
          name: { fi: s.medianSeries, sv: s.medianSeries, en: s.medianSeries },
          partyId: null,
          values: medians[i]!,
          computed: true,
        };
        return (
          <section
            key={sit.indicator.id}
            aria-labelledby={`cmp-h-${i}`}
            className="situation-section"
          >
            <h2 id={`cmp-h-${i}`}>{name}</h2>
            <SourceNote s={sit} />
            {year === null ? (
              <p>{s.noValues}</p>
            ) : (
              <>
                <TableScroll labelledBy={`cmp-cap-${i}`}>
                  <table className="table">
                    <caption id={`cmp-cap-${i}`}>
                      {s.latestTableCaption(name, year)}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{s.colMunicipality}</th>
                        <th scope="col" className="num">
                          {s.colRank}
                        </th>
                        <th scope="col" className="num">
                          {s.colMedian}
                        </th>
                        <th scope="col" className="num">
                          {s.colCounty}
                        </th>
                        <th scope="col" className="num">
                          {s.colCountry}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <tr>
                        <th scope="row">
                          {municipality.name[lang]}:{" "}
                          {own !== undefined ? fmt(own) : s.noValue}
                        </th>
                        <td className="num">
                          {own !== undefined
                            ? `${rankOf(own, regionValues)} / ${regionValues.length}`
                            : ""}
                        </td>
                        <td className="num">
                          {medians[i]![year] !== undefined
                            ? fmt(medians[i]![year]!)
                            : s.noValue}
                        </td>
                        <td className="num">
                          {sit.county.values[year] !== undefined
                            ? fmt(sit.county.values[year]!)
                            : s.noValue}
                        </td>
                        <td className="num">
                          {sit.country.values[year] !== undefined
                            ? fmt(sit.country.values[year]!)
                            : s.noValue}
                        </td>
                      </tr>
                    </tbody>
                  </table>
                </TableScroll>
                <h3>{s.trend}</h3>
                <TrendBlock
                  id={`cmp-trend-${i}`}
                  s={sit}
                  series={[
                    { label: municipality.name[lang], area: self },
                    { label: s.medianSeries, area: median },
                    { label: sit.county.name[lang], area: sit.county },
                    { label: s.country, area: sit.country },
                  ]}
                  inChart={(a) =>
                    !(sit.indicator.additive && a.code === "median")
                  }
                />
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
