import { getCooperationRegion } from '#modules/parties/index.ts';
import type { Route } from './+types/region';
import { ctxOf } from '../app-context.ts';
import { PartiesTable } from '../components/parties-table.tsx';
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
        {' · '}
        <a href={href(`/regions/${region.code}/forums`)}>{t.forums.forumsLink}</a>
        {' · '}
        <a href={href(`/regions/${region.code}/calendar`)}>{t.calendar.regionLink}</a>
        {' · '}
        <a href={href(`/regions/${region.code}/obligations`)}>{t.obligations.regionLink}</a>
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
      <PartiesTable parties={parties} caption={t.parties.partiesTableCaption(title)} />
    </div>
  );
}
