import { createForum, listRegionForums } from '#modules/forums/index.ts';
import type { Route } from './+types/region-forums';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton } from '../components/forms.tsx';
import { ForumFields, useForumLabels } from '../components/forum-forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';
import { redirect } from 'react-router';
import { href } from '#i18n/index.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => listRegionForums(ctxOf(context), params.code));
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const res = await attempt(langOf(request), values, () => createForum(ctxOf(context), params.code, values));
  if (!res.ok) return res.response;
  return redirect(href(langOf(request), `/forums/${res.result.id}`));
}

export default function RegionForumsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href } = useI18n();
  const { region, forums, parties, canCreateFor } = loaderData;
  const labels = useForumLabels();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const partyName = (id: string) => parties.find((p) => p.id === id)?.name[lang] ?? '';
  const title = `${t.forums.regionTitle}: ${region.name[lang]}`;
  return (
    <div className="page">
      <title>{`${title} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href('/')}>{t.common.nav.home}</a> › <a href={href(`/regions/${region.code}`)}>{region.name[lang]}</a>
      </nav>
      <h1>{title}</h1>
      <p className="lead">{t.forums.regionIntro}</p>
      <p>
        <a href={href(`/regions/${region.code}/actions`)}>{t.minutes.regionActionsLink}</a> · <a href={href(`/regions/${region.code}/calendar`)}>{t.calendar.regionLink}</a>
      </p>
      {forums.length === 0 ? (
        <p>{t.forums.noForums}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.forums.nameFi}</th>
              <th scope="col">{t.forums.level}</th>
              <th scope="col">{t.forums.frequency}</th>
              <th scope="col">{t.forums.ownerParty}</th>
              <th scope="col">{t.forums.details}</th>
            </tr>
          </thead>
          <tbody>
            {forums.map((f) => (
              <tr key={f.id}>
                <th scope="row">
                  <a href={href(`/forums/${f.id}`)}>{lang === 'sv' && f.name.sv ? f.name.sv : f.name.fi}</a>
                </th>
                <td>{t.forums.levels[f.level]}</td>
                <td>{t.forums.frequencies[f.frequency]}</td>
                <td>{partyName(f.ownerPartyId)}</td>
                <td>{f.isPublic ? t.forums.public : t.forums.internal}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canCreateFor.length > 0 && (
        <section aria-labelledby="new-forum">
          <h2 id="new-forum">{t.forums.newForum}</h2>
          {failed && <ErrorSummary message={failed.message} fieldErrors={prefixed(failed.fieldErrors, 'new')} labels={prefixed(labels, 'new')} />}
          <PostForm aria-labelledby="new-forum">
            <SelectField
              idPrefix="new"
              name="ownerPartyId"
              label={t.forums.ownerParty}
              required
              defaultValue={failed?.values.ownerPartyId ?? canCreateFor[0]}
              error={failed?.fieldErrors.ownerPartyId}
              options={canCreateFor.map((id) => ({ value: id, label: partyName(id) }))}
            />
            <ForumFields idPrefix="new" v={failed?.values ?? {}} failed={failed} />
            <SubmitButton>{t.forums.create}</SubmitButton>
          </PostForm>
        </section>
      )}
    </div>
  );
}

const prefixed = (o: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}-${k}`, v]));
