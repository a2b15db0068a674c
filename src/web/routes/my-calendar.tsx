import { createCalendarFeed, listCalendarFeeds, revokeCalendarFeed } from '#modules/forums/index.ts';
import { href as hrefIn } from '#i18n/index.ts';
import type { Route } from './+types/my-calendar';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, Notice, PostForm, SubmitButton } from '../components/forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

/** The signed-in person's own calendar feed: create (the URL is shown once), see and revoke. */
export async function loader({ context, request }: Route.LoaderArgs) {
  return load(request, async () => ({ feeds: await listCalendarFeeds(ctxOf(context)) }));
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const ctx = ctxOf(context);
  const lang = langOf(request);
  if (values.intent === 'revoke') {
    const res = await attempt(lang, {}, () => revokeCalendarFeed(ctx, values.feedId ?? ''));
    if (!res.ok) return res.response;
    return { ok: true as const, intent: 'revoke' as const, url: null };
  }
  const res = await attempt(lang, {}, () => createCalendarFeed(ctx));
  if (!res.ok) return res.response;
  const url = `${context.services.config.publicUrl.replace(/\/+$/, '')}${hrefIn(lang, `/calendar/${res.result.secret}.ics`)}`;
  return { ok: true as const, intent: 'create' as const, url };
}

export default function MyCalendarPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, dateTime } = useI18n();
  const c = t.calendar;
  const { feeds } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const created = actionData?.ok && actionData.intent === 'create' ? actionData : undefined;
  const revoked = actionData?.ok && actionData.intent === 'revoke';
  const live = feeds.some((f) => f.revokedAt === null);
  return (
    <div className="page">
      <title>{`${c.personalTitle} – ${t.common.appName}`}</title>
      <h1>{c.personalTitle}</h1>
      <p className="lead">{c.personalIntro}</p>
      <p className="notice notice--warning">{c.secretWarning}</p>
      {failed && <ErrorSummary message={failed.message} fieldErrors={failed.fieldErrors} />}
      {revoked && <Notice>{c.revokedNotice}</Notice>}
      {created?.url && (
        <section className="card secret" aria-labelledby="created-h">
          <h2 id="created-h">{c.createdTitle}</h2>
          <p className="notice notice--warning">
            <strong>{c.urlOnce}</strong>
          </p>
          <div className="field">
            <label htmlFor="f-feed-url">{c.urlLabel}</label>
            <input id="f-feed-url" type="text" readOnly value={created.url} className="secret__value" autoComplete="off" spellCheck={false} />
          </div>
        </section>
      )}
      <section aria-labelledby="feeds-h">
        <h2 id="feeds-h">{c.feedsCaption}</h2>
        {feeds.length === 0 ? (
          <p>{c.noFeed}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{c.feedsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.colPrefix}</th>
                  <th scope="col">{c.colCreated}</th>
                  <th scope="col">{c.colLastUsed}</th>
                  <th scope="col">{c.colStatus}</th>
                  <th scope="col">{c.colActions}</th>
                </tr>
              </thead>
              <tbody>
                {feeds.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">
                      <code>{f.prefix}</code>
                    </th>
                    <td>{date(f.createdAt)}</td>
                    <td>{f.lastUsedAt ? dateTime(f.lastUsedAt) : c.neverUsed}</td>
                    <td>{f.revokedAt ? c.revokedOn(date(f.revokedAt)) : c.active}</td>
                    <td>
                      {!f.revokedAt && (
                        <PostForm className="inline-form">
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="feedId" value={f.id} />
                          <button type="submit" className="button button--danger button--small" aria-label={c.revokeLabel(f.prefix)}>
                            {c.revoke}
                          </button>
                        </PostForm>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <PostForm>
          <input type="hidden" name="intent" value="create" />
          <SubmitButton variant={live ? 'secondary' : undefined}>{live ? c.replace : c.create}</SubmitButton>
        </PostForm>
      </section>
    </div>
  );
}
