import { getCooperationRegion } from '#modules/parties/index.ts';
import type { Route } from './+types/region';
import { ctxOf } from '../app-context.ts';
import { useI18n } from '../i18n.tsx';
import { publicPageHeaders } from '../public-page.ts';
import { load } from '../run.server.ts';

/** Anonymous visitors may get this page from the page cache (no forms or per-visitor content for them). */
export const headers = publicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getCooperationRegion(ctxOf(context), params.code));
}

export default function RegionPage({ loaderData }: Route.ComponentProps) {
  const { t, lang, href, number } = useI18n();
  const { region, parties } = loaderData;
  const title = region.name[lang];
  return (
    <div className="page">
      <title>{`${title} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href('/')}>{t.common.nav.home}</a>
      </nav>
      <h1>{title}</h1>
      <p className="lead">{region.type === 'city_of_helsinki' ? t.parties.helsinkiIntro : t.parties.regionIntro(parties.length)}</p>
      <p>
        <a href={href(`/regions/${region.code}/agreements`)}>{t.agreements.regionLink}</a>
        {' · '}
        <a href={href(`/regions/${region.code}/situation`)}>{t.situation.link}</a>
      </p>
      <dl className="facts">
        <div>
          <dt>{t.parties.region}</dt>
          <dd>{region.regionName[lang]}</dd>
        </div>
        <div>
          <dt>{t.parties.collaborativeArea}</dt>
          <dd>{region.collaborativeAreaName}</dd>
        </div>
        <div>
          <dt>{t.parties.population}</dt>
          <dd>{number(region.population)}</dd>
        </div>
      </dl>
      <table className="table">
        <caption>{t.parties.partiesTableCaption(title)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.parties.colName}</th>
            <th scope="col">{t.parties.colType}</th>
            <th scope="col">{t.parties.colCode}</th>
            <th scope="col">{t.parties.colBusinessId}</th>
            <th scope="col">{t.parties.colLanguage}</th>
            <th scope="col" className="num">
              {t.parties.colPopulation}
            </th>
          </tr>
        </thead>
        <tbody>
          {parties.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <a href={href(`/parties/${p.id}`)}>{p.name[lang]}</a>
              </th>
              <td>{t.common.partyTypes[p.type]}</td>
              <td>{p.code}</td>
              <td>{p.businessId ?? <span className="muted">{t.common.none}</span>}</td>
              <td>
                <abbr title={t.common.languages[p.language]}>{t.common.languagesShort[p.language]}</abbr>
              </td>
              <td className="num">{p.population !== null ? number(p.population) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
