import { closeActionItem, listPartyActions } from '#modules/forums/index.ts';
import type { Route } from './+types/party-actions';
import { ctxOf } from '../app-context.ts';
import { ActionListView } from '../components/action-list.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const all = new URL(request.url).searchParams.get('all') === '1';
  return { all, partyId: params.id, list: await load(request, () => listPartyActions(ctxOf(context), params.id, { includeClosed: all })) };
}

export async function action({ context, request }: Route.ActionArgs) {
  const values = formValues(await readForm(request, context));
  const res = await attempt(langOf(request), values, () => closeActionItem(ctxOf(context), values.actionId ?? '', values));
  if (!res.ok) return res.response;
  return { ok: true as const };
}

export default function PartyActionsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href } = useI18n();
  const m = t.minutes;
  const { list, all, partyId } = loaderData;
  const name = list.parties.find((p) => p.id === partyId)?.name[lang] ?? '';
  const path = `/parties/${partyId}/actions`;
  return (
    <div className="page">
      <title>{`${m.partyActionsTitle({ name })} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/parties/${partyId}`)}>{name}</a> › <a href={href(`/regions/${list.region.code}/actions`)}>{m.regionActionsTitle({ name: list.region.name[lang] })}</a>
      </nav>
      <h1>{m.partyActionsTitle({ name })}</h1>
      <ActionListView list={list} caption={all ? m.allActions : m.openActions} allHref={href(`${path}?all=1`)} openHref={href(path)} showingAll={all} actionData={actionData} />
    </div>
  );
}
