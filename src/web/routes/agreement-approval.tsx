import { getApprovalOverview, returnToDraft, sendToApproval } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-approval';
import { ctxOf } from '../app-context.ts';
import { approvalCells, statusSentence } from '../approval-text.ts';
import { pickText } from '../components/agreement-content.tsx';
import { RadioList } from '../components/choice-lists.tsx';
import { ErrorSummary, Notice, PostForm, SubmitButton, TextArea } from '../components/forms.tsx';
import { TableScroll } from '../components/table.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';
import { dailyPublicPageHeaders } from '../public-page.ts';

/** Anonymous visitors may get this page from the page cache until the data or the date (Helsinki) changes. */
export const headers = dailyPublicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const pending = new URL(request.url).searchParams.get('show') === 'pending';
  const overview = await load(request, () => getApprovalOverview(ctxOf(context), params.id));
  return { ...overview, pending };
}

/** Sends the newest version for approval, or returns the agreement to drafting. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const ctx = ctxOf(context);
  const intent = values.intent === 'return' ? 'return' : 'send';
  const res = await attempt(langOf(request), values, () => (intent === 'send' ? sendToApproval(ctx, params.id, values) : returnToDraft(ctx, params.id, values)));
  if (!res.ok) return res.response;
  return { ok: true as const, intent };
}

export default function AgreementApprovalPage({ loaderData, actionData }: Route.ComponentProps) {
  const i = useI18n();
  const { t, lang, href, date, dateTime } = i;
  const a = t.agreements.approval;
  const o = loaderData;
  const ag = o.agreement;
  const title = pickText(ag.title, lang);
  const can = (x: string) => (o.permittedActions as string[]).includes(x);
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const shown = o.pending ? o.parties.filter((p) => !p.progress.complete) : o.parties;
  const steps = Array.from({ length: o.stepColumns }, (_, n) => n + 1);
  const canSend = can('agreement.send_to_approval') && (ag.status === 'draft' || ag.status === 'comment_round');
  const canReturn = can('agreement.return_to_draft') && ag.status === 'in_approval';
  return (
    <div className="page page--wide">
      <title>{`${a.overviewTitle} – ${title.text} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/regions/${o.region.code}/agreements`)}>{t.agreements.regionLink}</a> ›{' '}
        <a href={href(`/agreements/${ag.id}`)} lang={title.lang === lang ? undefined : title.lang}>
          {title.text}
        </a>
      </nav>
      <h1>{a.overviewTitle}</h1>
      <p className="lead" lang={title.lang === lang ? undefined : title.lang}>
        {title.text}
      </p>
      {actionData?.ok && <Notice>{actionData.intent === 'send' ? a.sent : a.returned}</Notice>}
      {failed && <ErrorSummary message={failed.message} fieldErrors={failed.fieldErrors} labels={{ reason: a.returnReason, versionNumber: a.approvalVersion }} />}

      <section aria-labelledby="state-h">
        <h2 id="state-h">{a.heading}</h2>
        <p>
          <strong>{t.agreements.statuses[ag.status]}.</strong> {statusSentence(i, o)}
        </p>
        {o.approvalVersion && <p>{a.progress(o.counts.approved, o.counts.complete, o.counts.parties)}</p>}
        {o.approvalVersion && (
          <dl className="facts">
            <div>
              <dt>{a.approvalVersion}</dt>
              <dd>
                <a href={href(`/agreements/${ag.id}/versions/${o.approvalVersion.number}`)}>{t.agreements.versionOption(o.approvalVersion.number, o.approvalVersion.label)}</a>
              </dd>
            </div>
            {ag.entersIntoForceOn && (
              <div>
                <dt>{a.entersIntoForce}</dt>
                <dd>{date(ag.entersIntoForceOn)}</dd>
              </div>
            )}
            <div className="facts__wide">
              <dt>{a.approvalHash}</dt>
              <dd>
                <code className="hash">{o.approvalVersion.sha256}</code>
              </dd>
            </div>
          </dl>
        )}
        {o.rounds.length > 0 && (
          <>
            <h3>{a.roundsHeading}</h3>
            <ul>
              {o.rounds.map((r) => (
                <li key={r.id}>
                  {a.roundSent(r.versionNumber, r.versionLabel, dateTime(r.sentAt))}
                  {r.returnedAt && (
                    <>
                      {' '}
                      {a.roundReturned(dateTime(r.returnedAt), r.returnReason)}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {canSend && (
        <PostForm className="card" aria-labelledby="send-h">
          <h2 id="send-h">{a.sendHeading}</h2>
          {o.latestVersionNumber > 0 ? (
            <>
              <p>{a.sendIntro(o.latestVersionNumber)}</p>
              <input type="hidden" name="intent" value="send" />
              <input type="hidden" name="versionNumber" value={o.latestVersionNumber} />
              <SubmitButton>{a.send}</SubmitButton>
            </>
          ) : (
            <p>{a.sendNoVersion}</p>
          )}
        </PostForm>
      )}
      {canReturn && (
        <PostForm className="card" aria-labelledby="return-h">
          <h2 id="return-h">{a.returnHeading}</h2>
          <p>{a.returnIntro}</p>
          {o.returnBlocked ? (
            <p className="notice notice--warning">{a.returnBlocked}</p>
          ) : (
            <>
              <input type="hidden" name="intent" value="return" />
              <TextArea name="reason" label={a.returnReason} hint={a.returnReasonHint} required rows={3} defaultValue={failed?.values.reason} error={failed?.fieldErrors.reason} />
              <SubmitButton variant="secondary">{a.return}</SubmitButton>
            </>
          )}
        </PostForm>
      )}

      <section aria-labelledby="matrix-h">
        <h2 id="matrix-h">{a.overviewLink}</h2>
        <form method="get" className="filters">
          <RadioList
            name="show"
            legend={a.filterLegend}
            checked={o.pending ? 'pending' : 'all'}
            options={[
              { value: 'all', label: a.filterAll },
              { value: 'pending', label: a.filterPending },
            ]}
          />
          <button type="submit" className="button button--secondary">
            {a.filter}
          </button>
        </form>
        <p>
          <a href={href(`/agreements/${ag.id}/approval.csv${o.pending ? '?show=pending' : ''}`)} download>
            {a.downloadCsv}
          </a>
        </p>
        {shown.length === 0 ? (
          <p>{a.noneShown}</p>
        ) : (
          <TableScroll labelledBy="matrix-caption">
            <table className="table table--matrix">
              <caption id="matrix-caption">{a.matrixCaption(shown.length, o.parties.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{a.colParty}</th>
                  <th scope="col">{a.colComments}</th>
                  <th scope="col">{a.colStatement}</th>
                  {steps.map((n) => (
                    <th scope="col" key={n}>
                      {a.colStep(n)}
                    </th>
                  ))}
                  <th scope="col">{a.colSigned}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => {
                  const c = approvalCells(i, p, o.stepColumns);
                  return (
                    <tr key={p.party.id} className={c.complete ? 'row--done' : undefined}>
                      <th scope="row">
                        <a href={href(`/agreements/${ag.id}/parties/${p.party.id}/decisions`)}>{p.party.name[lang]}</a>
                      </th>
                      <td>{p.comments.count ? <a href={href(`/agreements/${ag.id}/comments`)}>{c.comments}</a> : c.comments}</td>
                      <td>{c.statement}</td>
                      {c.steps.map((s, n) => (
                        <td key={n}>
                          {s === null ? (
                            <>
                              <span aria-hidden="true">{a.noStep}</span>
                              <span className="visually-hidden">{t.common.none}</span>
                            </>
                          ) : (
                            <>
                              <span className={s.done ? 'state state--done' : 'state'}>{s.text}</span>
                              {s.minutesUrl && (
                                <>
                                  {' '}
                                  <a href={s.minutesUrl} rel="noopener noreferrer">
                                    ({a.minutes})
                                  </a>
                                </>
                              )}
                              {s.older && (
                                <>
                                  <br />
                                  <span className="muted">{s.older}</span>
                                </>
                              )}
                            </>
                          )}
                        </td>
                      ))}
                      <td>
                        <a href={href(`/agreements/${ag.id}/parties/${p.party.id}/signatures`)} className={c.complete ? 'state state--done' : 'state'}>
                          {c.signed}
                        </a>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
