import { listCooperationRegions } from '#modules/parties/index.ts';
import type { Route } from './+types/home';
import { ctxOf } from '../app-context.ts';
import { useI18n } from '../i18n.tsx';
import { publicPageHeaders } from '../public-page.ts';

/** Anonymous visitors may get this page from the page cache (no forms or per-visitor content for them). */
export const headers = publicPageHeaders;

export async function loader({ context }: Route.LoaderArgs) {
  return { regions: await listCooperationRegions(ctxOf(context)) };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t, lang, href, number } = useI18n();
  const name = (n: { fi: string; sv: string; en: string }) => n[lang];
  return (
    <div className="page">
      <title>{`${t.parties.homeTitle} – ${t.common.appName}`}</title>
      <h1>{t.parties.homeTitle}</h1>
      <p className="lead">{t.parties.homeIntro}</p>
      <p>
        <a href={href('/obligations')}>{t.obligations.nationalLink}</a>
      </p>
      <table className="table">
        <caption>{t.parties.regionsTableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.parties.colRegion}</th>
            <th scope="col">{t.parties.colMaakunta}</th>
            <th scope="col" className="num">
              {t.parties.colMunicipalities}
            </th>
            <th scope="col" className="num">
              {t.parties.colParties}
            </th>
            <th scope="col" className="num">
              {t.parties.colPopulation}
            </th>
          </tr>
        </thead>
        <tbody>
          {loaderData.regions.map((r) => (
            <tr key={r.code}>
              <th scope="row">
                <a href={href(`/regions/${r.code}`)}>{name(r.name)}</a>
              </th>
              <td>{name(r.regionName)}</td>
              <td className="num">{number(r.municipalityCount)}</td>
              <td className="num">{number(r.partyCount)}</td>
              <td className="num">{number(r.population)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
