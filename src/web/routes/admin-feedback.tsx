import { listAccessibilityFeedback, markFeedbackHandled, type FeedbackWithAge } from '#modules/feedback/index.ts';
import type { Route } from './+types/admin-feedback';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, Notice, PostForm } from '../components/forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

const PAGE = 20;

export async function loader({ context, request }: Route.LoaderArgs) {
  const sp = new URL(request.url).searchParams;
  const page = Math.min(100_000, Math.max(1, Number(sp.get('page')) || 1));
  const status = ['open', 'handled', 'all'].includes(sp.get('status') ?? '') ? sp.get('status')! : 'all';
  const list = await load(request, () => listAccessibilityFeedback(ctxOf(context), { status, limit: PAGE, offset: (page - 1) * PAGE }));
  return { ...list, page };
}

/** Marks one feedback handled; if someone else was first, the page says who and when. */
export async function action({ context, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const res = await attempt(langOf(request), {}, () => markFeedbackHandled(ctxOf(context), values.id ?? ''));
  if (!res.ok) return res.response;
  return { ok: true as const };
}

export default function AdminFeedbackPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, href, dateTime, date } = useI18n();
  const f = t.admin.feedback;
  const { items, total, open, overdue, status, page } = loaderData;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const already = failed?.code === 'feedback.already_handled' ? (failed.details?.current as FeedbackWithAge | undefined) : undefined;
  const qs = (p: number) => `?${new URLSearchParams({ status, page: String(p) })}`;
  return (
    <div className="page">
      <title>{`${f.title} – ${t.common.appName}`}</title>
      <h1>{f.title}</h1>
      <p className="lead">{f.intro}</p>
      {actionData?.ok && <Notice>{f.markedHandled}</Notice>}
      {already?.handled ? (
        <ErrorSummary message={f.alreadyHandled(already.handled.by?.displayName ?? f.handledUnknown, dateTime(already.handled.at))} />
      ) : (
        failed && <ErrorSummary message={failed.message} />
      )}
      <p className={overdue ? 'notice notice--warning' : 'notice'} role="status">
        {f.summary(open, overdue)}
      </p>
      <form method="get" action={href('/admin/feedback')} className="filters">
        <div className="field">
          <label htmlFor="f-status">{f.status}</label>
          <select id="f-status" name="status" defaultValue={status}>
            <option value="all">{f.statusAll}</option>
            <option value="open">{f.statusOpen}</option>
            <option value="handled">{f.statusHandled}</option>
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {f.apply}
        </button>
      </form>
      {items.length === 0 ? (
        <p>{f.none}</p>
      ) : (
        <ol className="feedback-list">
          {items.map((x) => (
            <li key={x.id}>
              <article className={x.overdue ? 'card feedback feedback--overdue' : 'card feedback'} aria-labelledby={`fb-${x.id}`}>
                <h2 id={`fb-${x.id}`}>{f.heading(dateTime(x.createdAt))}</h2>
                {x.overdue && <p className="notice notice--warning">{f.overdue}</p>}
                <dl className="facts">
                  <div>
                    <dt>{f.from}</dt>
                    <dd>{x.name ?? <span className="muted">{f.anonymous}</span>}</dd>
                  </div>
                  <div>
                    <dt>{f.email}</dt>
                    <dd>{x.email ? <a href={`mailto:${x.email}`}>{x.email}</a> : <span className="muted">{f.noEmail}</span>}</dd>
                  </div>
                  <div>
                    <dt>{f.page}</dt>
                    <dd>{x.pageUrl ?? '–'}</dd>
                  </div>
                  <div>
                    <dt>{f.language}</dt>
                    <dd>{t.common.languageNames[x.lang]}</dd>
                  </div>
                  <div>
                    <dt>{f.state}</dt>
                    <dd>
                      {x.handled ? (
                        f.handled(x.handled.by?.displayName ?? f.handledUnknown, dateTime(x.handled.at))
                      ) : (
                        <>
                          {f.open}. {f.age(x.ageDays)}. {f.answerBy(date(x.answerBy))}.
                        </>
                      )}
                    </dd>
                  </div>
                </dl>
                <h3>{f.message}</h3>
                <blockquote className="feedback__message" lang={x.lang}>
                  {x.message}
                </blockquote>
                {!x.handled && (
                  <PostForm>
                    <input type="hidden" name="id" value={x.id} />
                    <button type="submit" className="button">
                      {f.markHandled}
                      <span className="visually-hidden"> {f.markHandledLabel(dateTime(x.createdAt))}</span>
                    </button>
                  </PostForm>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav className="pagination" aria-label={t.admin.audit.pagination}>
          {page > 1 && (
            <a href={qs(page - 1)} rel="prev">
              {t.common.previous}
            </a>
          )}
          <span aria-current="page">{t.common.pageOf(page, pages)}</span>
          {page < pages && (
            <a href={qs(page + 1)} rel="next">
              {t.common.next}
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
