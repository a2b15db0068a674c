import { closeActionItem, listRegionActions } from '#modules/forums/index.ts';
import type { Route } from './+types/region-actions';
import { ctxOf } from '../app-context.ts';
import { ActionListView } from '../components/action-list.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const all = new URL(request.url).searchParams.get('all') === '1';
  return { all, list: await load(request, () => listRegionActions(ctxOf(context), params.code, { includeClosed: all })) };
}

export async function action({ context, request }: Route.ActionArgs) {
  const values = formValues(await readForm(request, context));
  const res = await attempt(langOf(request), values, () => closeActionItem(ctxOf(context), values.actionId ?? '', values));
  if (!res.ok) return res.response;
  return { ok: true as const };
}

export default function RegionActionsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href } = useI18n();
  const m = t.minutes;
  const { list, all } = loaderData;
  const name = list.region.name[lang];
  const path = `/regions/${list.region.code}/actions`;
  return (
    <div className="page">
      <title>{`${m.regionActionsTitle({ name })} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/regions/${list.region.code}`)}>{name}</a> › <a href={href(`/regions/${list.region.code}/forums`)}>{t.forums.regionTitle}</a>
      </nav>
      <h1>{m.regionActionsTitle({ name })}</h1>
      <p>{m.regionActionsIntro}</p>
      <ActionListView list={list} caption={all ? m.allActions : m.openActions} allHref={href(`${path}?all=1`)} openHref={href(path)} showingAll={all} actionData={actionData} />
    </div>
  );
}
