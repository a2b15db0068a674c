import { getRegionSituation } from "#modules/situation/index.ts";
import type { Route } from "./+types/region-situation";
import { ctxOf } from "../app-context.ts";
import {
  IndicatorChooser,
  indicatorTitle,
  LatestYearBlock,
  SourceNote,
  TrendBlock,
} from "../components/situation-view.tsx";
import { useI18n } from "../i18n.tsx";
import { publicPageHeaders } from "../public-page.ts";
import { load } from "../run.server.ts";

/** Public and the same for every anonymous visitor: GET forms only. */
export const headers = publicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const indicators = new URL(request.url).searchParams.getAll("indicator");
  return load(request, () =>
    getRegionSituation(ctxOf(context), params.code, { indicators }),
  );
}

export default function RegionSituationPage({
  loaderData,
}: Route.ComponentProps) {
  const { t, lang, href } = useI18n();
  const s = t.situation;
  const { region, situations, catalogue, chosen, map, municipalities } =
    loaderData;
  const regionName = region.name[lang];
  const query = chosen
    .map((c) => `indicator=${encodeURIComponent(c)}`)
    .join("&");
  return (
    <div className="page">
      <title>{`${s.title(regionName)} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href("/")}>{t.common.nav.home}</a> ›{" "}
        <a href={href(`/regions/${region.code}`)}>{regionName}</a>
      </nav>
      <h1>{s.title(regionName)}</h1>
      <p className="lead">{s.intro}</p>
      <IndicatorChooser
        action={href(`/regions/${region.code}/situation`)}
        catalogue={catalogue}
        chosen={chosen}
      />
      {municipalities.length > 0 && chosen.length > 0 && (
        <form
          method="get"
          action={href(`/regions/${region.code}/situation/compare`)}
          className="card row-form"
        >
          {chosen.map((c) => (
            <input key={c} type="hidden" name="indicator" value={c} />
          ))}
          <label htmlFor="compare-municipality">{s.chooseMunicipality}</label>
          <select id="compare-municipality" name="municipality">
            {municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name[lang]}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary">
            {s.compareLink}
          </button>
        </form>
      )}
      {catalogue.length > 0 && !situations.length && <p>{s.noneChosen}</p>}
      {situations.map((sit, i) => {
        const name = indicatorTitle(sit, lang);
        return (
          <section
            key={sit.indicator.id}
            aria-labelledby={`ind-h-${i}`}
            className="situation-section"
          >
            <h2 id={`ind-h-${i}`}>{name}</h2>
            <SourceNote s={sit} />
            {sit.latestYear === null ? (
              <p>{s.noValues}</p>
            ) : (
              <>
                <h3>{s.latestYear(sit.latestYear)}</h3>
                <LatestYearBlock
                  id={`map-${i}`}
                  s={sit}
                  map={map}
                  municipalityHref={(id) =>
                    href(
                      `/parties/${id}/situation?indicator=${encodeURIComponent(sit.indicator.id)}`,
                    )
                  }
                />
                <h3>{s.trend}</h3>
                <TrendBlock
                  id={`trend-${i}`}
                  s={sit}
                  series={[
                    ...sit.municipalities.map((m) => ({
                      label: m.name[lang],
                      area: m,
                    })),
                    { label: sit.county.name[lang], area: sit.county },
                    { label: s.country, area: sit.country },
                  ]}
                  inChart={(a) =>
                    a.areaType !== "municipality" ||
                    sit.municipalities.length <= 3
                  }
                />
              </>
            )}
          </section>
        );
      })}
      {situations.length > 0 && (
        <p>
          <a
            href={href(
              `/regions/${region.code}/situation.csv${query ? `?${query}` : ""}`,
            )}
            download
          >
            {s.downloadCsv}
          </a>{" "}
          · <a href="/api/v1/openapi.json">{s.openData}</a>
        </p>
      )}
    </div>
  );
}
