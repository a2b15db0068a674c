import { getMunicipalitySituation } from "#modules/situation/index.ts";
import type { Route } from "./+types/party-situation";
import { ctxOf } from "../app-context.ts";
import {
  IndicatorChooser,
  indicatorTitle,
  SourceNote,
  TrendBlock,
} from "../components/situation-view.tsx";
import { useI18n } from "../i18n.tsx";
import { publicPageHeaders } from "../public-page.ts";
import { load } from "../run.server.ts";

export const headers = publicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const indicators = new URL(request.url).searchParams.getAll("indicator");
  return load(request, () =>
    getMunicipalitySituation(ctxOf(context), params.id, { indicators }),
  );
}

export default function PartySituationPage({
  loaderData,
}: Route.ComponentProps) {
  const { t, lang, href, number } = useI18n();
  const s = t.situation;
  const { party, county, situations, catalogue, chosen } = loaderData;
  const name = party.name[lang];
  return (
    <div className="page">
      <title>{`${s.municipalityTitle(name)} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href("/")}>{t.common.nav.home}</a> ›{" "}
        <a href={href(`/parties/${party.id}`)}>{name}</a>
      </nav>
      <h1>{s.municipalityTitle(name)}</h1>
      <p className="lead">{s.municipalityIntro}</p>
      <p>
        <a
          href={href(
            `/regions/${county.code}/situation/compare?municipality=${party.code}${chosen.map((c) => `&indicator=${encodeURIComponent(c)}`).join("")}`,
          )}
        >
          {s.compareLink}
        </a>{" "}
        ·{" "}
        <a href={href(`/regions/${county.code}/situation`)}>
          {s.title(county.name[lang])}
        </a>
      </p>
      <IndicatorChooser
        action={href(`/parties/${party.id}/situation`)}
        catalogue={catalogue}
        chosen={chosen}
      />
      {situations.map((sit, i) => {
        const iname = indicatorTitle(sit, lang);
        const self = sit.municipalities[0]!;
        const year = sit.latestYear;
        const fmt = (n: number) => number(n, sit.indicator.decimals);
        return (
          <section
            key={sit.indicator.id}
            aria-labelledby={`mun-h-${i}`}
            className="situation-section"
          >
            <h2 id={`mun-h-${i}`}>{iname}</h2>
            <SourceNote s={sit} />
            {year === null ? (
              <p>{s.noValues}</p>
            ) : (
              <>
                <dl className="facts">
                  {[
                    { label: name, v: self.values[year] },
                    {
                      label: sit.county.name[lang],
                      v: sit.county.values[year],
                    },
                    { label: s.country, v: sit.country.values[year] },
                  ].map((f) => (
                    <div key={f.label}>
                      <dt>
                        {f.label} {year}
                      </dt>
                      <dd>{f.v !== undefined ? fmt(f.v) : s.noValue}</dd>
                    </div>
                  ))}
                </dl>
                <h3>{s.trend}</h3>
                <TrendBlock
                  id={`mun-trend-${i}`}
                  s={sit}
                  series={[
                    { label: name, area: self },
                    { label: sit.county.name[lang], area: sit.county },
                    { label: s.country, area: sit.country },
                  ]}
                />
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
