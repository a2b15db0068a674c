import { listAgreements } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreements';
import { ctxOf } from '../app-context.ts';
import { useI18n } from '../i18n.tsx';
import { load } from '../run.server.ts';
import { dailyPublicPageHeaders } from '../public-page.ts';

/** Anonymous visitors may get this page from the page cache until the data or the date (Helsinki) changes. */
export const headers = dailyPublicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => listAgreements(ctxOf(context), params.code));
}

export default function AgreementsPage({ loaderData }: Route.ComponentProps) {
  const { t, lang, href, date } = useI18n();
  const { region, items, canCreate } = loaderData;
  const title = t.agreements.listTitle(region.name[lang]);
  return (
    <div className="page">
      <title>{`${title} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href('/')}>{t.common.nav.home}</a> › <a href={href(`/regions/${region.code}`)}>{region.name[lang]}</a>
      </nav>
      <h1>{title}</h1>
      <p className="lead">{t.agreements.listIntro}</p>
      {canCreate && (
        <p>
          <a className="button" href={href(`/regions/${region.code}/agreements/new`)}>
            {t.agreements.newAgreement}
          </a>
        </p>
      )}
      {items.length === 0 ? (
        <p>{t.agreements.noAgreements}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.agreements.colTitle}</th>
              <th scope="col">{t.agreements.colStatus}</th>
              <th scope="col">{t.agreements.colValidity}</th>
              <th scope="col">{t.agreements.colCoordinator}</th>
              <th scope="col">{t.agreements.colLatestVersion}</th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ agreement: a, coordinatingPartyName, latestVersion, publicVersionCount }) => (
              <tr key={a.id}>
                <th scope="row">
                  <a href={href(`/agreements/${a.id}`)}>{lang === 'sv' && a.title.sv ? a.title.sv : a.title.fi}</a>
                </th>
                <td>{t.agreements.statuses[a.status]}</td>
                <td>{t.agreements.validity(date(a.validFrom), a.validUntil ? date(a.validUntil) : null)}</td>
                <td>{coordinatingPartyName[lang]}</td>
                <td>
                  {latestVersion ? t.agreements.versionOption(latestVersion.number, latestVersion.label) : t.agreements.noVersions}
                  {publicVersionCount === 0 && latestVersion && <span className="muted"> ({t.agreements.internalVersion})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
