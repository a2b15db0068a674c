import {
  addComment,
  answerComment,
  closeCommentRound,
  COMMENT_ANSWERS,
  getCommentRound,
  openCommentRound,
  replaceStatement,
  withdrawComment,
  type AgreementComment,
} from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-comments';
import { ctxOf } from '../app-context.ts';
import { pickText } from '../components/agreement-content.tsx';
import { RadioList } from '../components/choice-lists.tsx';
import { ErrorSummary, Notice, PostForm, SelectField, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';
import { dailyPublicPageHeaders } from '../public-page.ts';

const prefixed = (o: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}-${k}`, v]));

/** Anonymous visitors may get this page from the page cache until the data or the date (Helsinki) changes. */
export const headers = dailyPublicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const round = new URL(request.url).searchParams.get('round') ?? undefined;
  return load(request, () => getCommentRound(ctxOf(context), params.id, round));
}

const INTENTS = ['open-round', 'close-round', 'comment', 'withdraw', 'replace', 'answer'] as const;
type Intent = (typeof INTENTS)[number];

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const ctx = ctxOf(context);
  const intent: Intent = INTENTS.find((i) => i === values.intent) ?? 'comment';
  const res = await attempt(langOf(request), values, async () => {
    switch (intent) {
      case 'open-round':
        return void (await openCommentRound(ctx, params.id, values));
      case 'close-round':
        return closeCommentRound(ctx, params.id, values);
      case 'withdraw':
        return withdrawComment(ctx, values.commentId ?? '', values);
      case 'replace':
        return void (await replaceStatement(ctx, values.commentId ?? '', values));
      case 'answer':
        return void (await answerComment(ctx, values.commentId ?? '', values));
      default:
        return void (await addComment(ctx, params.id, values));
    }
  });
  if (!res.ok) return res.response;
  return { ok: true as const, intent };
}

export default function AgreementCommentsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href, date, dateTime } = useI18n();
  const v = loaderData;
  const a = v.agreement;
  const can = (x: string) => (v.permittedActions as string[]).includes(x);
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const failedIntent = failed?.values.intent ?? 'comment';
  const round = v.round;
  const open = round?.window === 'open';
  const partyName = (id: string) => v.parties.find((p) => p.id === id)?.name[lang] ?? '';
  const sectionHeading = (id: string | null) => {
    if (!id) return t.agreements.wholeAgreement;
    const s = v.sections.find((x) => x.id === id);
    return s ? pickText(s.heading, lang).text : t.agreements.wholeAgreement;
  };
  const actingFor = [...new Set([...v.commentAs, ...v.statementAs])];
  const title = pickText(a.title, lang);
  const done: Record<Intent, string> = {
    'open-round': t.agreements.roundOpened,
    'close-round': t.agreements.roundClosedNotice,
    comment: t.agreements.commentSaved,
    withdraw: t.agreements.withdrawn,
    replace: t.agreements.statementReplaced,
    answer: t.agreements.answerSaved,
  };
  const labels: Record<string, string> = {
    partyId: t.agreements.commentAs,
    kind: t.agreements.kind,
    sectionId: t.agreements.target,
    lang: t.agreements.commentLang,
    body: t.agreements.commentBody,
    versionNumber: t.agreements.roundVersion,
    deadline: t.agreements.deadline,
    answer: t.agreements.answer,
    reasoning: t.agreements.reasoning,
  };
  const formError = (intent: string, commentId?: string) =>
    failed && failedIntent === intent && (!commentId || failed.values.commentId === commentId) ? failed : undefined;
  const visibleComments = v.comments;
  // Forms inside a comment carry prefixed field ids; the error summary links to those.
  const summaryPrefix = failed?.values.commentId ? `c-${failed.values.commentId}` : undefined;
  return (
    <div className="page">
      <title>{`${t.agreements.commentsTitle} – ${title.text} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/agreements/${a.id}`)} lang={title.lang === lang ? undefined : title.lang}>
          {title.text}
        </a>
      </nav>
      <h1>{t.agreements.commentsTitle}</h1>
      <p className="lead" lang={title.lang === lang ? undefined : title.lang}>
        {title.text}
      </p>
      {actionData?.ok && <Notice>{done[actionData.intent]}</Notice>}
      {failed && (
        <ErrorSummary
          message={failed.message}
          fieldErrors={summaryPrefix ? prefixed(failed.fieldErrors, summaryPrefix) : failed.fieldErrors}
          labels={summaryPrefix ? prefixed(labels, summaryPrefix) : labels}
        />
      )}

      {v.rounds.length > 1 && (
        <nav aria-labelledby="rounds-h">
          <h2 id="rounds-h">{t.agreements.roundsHeading}</h2>
          <ul>
            {v.rounds.map((r) => (
              <li key={r.id}>
                <a href={href(`/agreements/${a.id}/comments?round=${r.id}`)} aria-current={r.id === round?.id ? 'page' : undefined}>
                  {t.agreements.roundLabel(r.versionNumber, v.versions.find((x) => x.number === r.versionNumber)?.label ?? '', date(r.deadline))}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {!round ? (
        <p>{t.agreements.noRoundYet}</p>
      ) : (
        <section aria-labelledby="round-h">
          <h2 id="round-h">{t.agreements.roundHeading}</h2>
          <dl className="facts">
            <div>
              <dt>{t.agreements.versionUnderComment}</dt>
              <dd>
                <a href={href(`/agreements/${a.id}/versions/${round.versionNumber}`)}>{t.agreements.versionOption(round.versionNumber, round.versionLabel)}</a>
              </dd>
            </div>
            <div>
              <dt>{t.agreements.deadline}</dt>
              <dd>{date(round.deadline)}</dd>
            </div>
          </dl>
          <p className={open ? 'notice' : 'notice notice--warning'}>
            {open ? t.agreements.roundOpenNotice(date(round.deadline)) : round.window === 'deadline_passed' ? t.agreements.deadlinePassedNotice(date(round.deadline)) : t.agreements.roundEnded}
          </p>
          <p>
            <a href={href(`/agreements/${a.id}/comments/summary${round ? `?round=${round.id}` : ''}`)}>{t.agreements.summaryLink}</a>
          </p>
        </section>
      )}

      {can('agreement.manage_comment_round') && a.status === 'draft' && v.versions.length > 0 && (
        <PostForm className="card" aria-labelledby="open-h">
          <h2 id="open-h">{t.agreements.openRoundHeading}</h2>
          <input type="hidden" name="intent" value="open-round" />
          <SelectField
            name="versionNumber"
            label={t.agreements.roundVersion}
            required
            defaultValue={formError('open-round')?.values.versionNumber ?? String(v.versions.at(-1)!.number)}
            options={v.versions.map((x) => ({ value: String(x.number), label: t.agreements.versionOption(x.number, x.label) }))}
          />
          <TextField
            name="deadline"
            type="date"
            label={t.agreements.deadline}
            hint={t.agreements.deadlineHint}
            required
            defaultValue={formError('open-round')?.values.deadline}
            error={formError('open-round')?.fieldErrors.deadline}
          />
          <SubmitButton>{t.agreements.openRound}</SubmitButton>
        </PostForm>
      )}
      {can('agreement.manage_comment_round') && a.status === 'comment_round' && round && !round.closedAt && (
        <PostForm className="card" aria-labelledby="close-h">
          <h2 id="close-h">{t.agreements.closeRoundHeading}</h2>
          <p>{t.agreements.closeRoundIntro}</p>
          <input type="hidden" name="intent" value="close-round" />
          <input type="hidden" name="rowVersion" value={round.rowVersion} />
          <button type="submit" className="button button--secondary" data-confirm={t.agreements.confirmCloseRound}>
            {t.agreements.closeRound}
          </button>
        </PostForm>
      )}

      {round && open && actingFor.length > 0 && (
        <PostForm className="card" aria-labelledby="comment-h">
          <h2 id="comment-h">{t.agreements.commentFormHeading}</h2>
          <input type="hidden" name="intent" value="comment" />
          <SelectField
            name="partyId"
            label={t.agreements.commentAs}
            required
            defaultValue={formError('comment')?.values.partyId}
            error={formError('comment')?.fieldErrors.partyId}
            options={actingFor.map((id) => ({ value: id, label: partyName(id) }))}
          />
          <RadioList
            name="kind"
            legend={t.agreements.kind}
            hint={t.agreements.kindHint}
            error={formError('comment')?.fieldErrors.kind}
            checked={formError('comment')?.values.kind ?? (v.commentAs.length ? 'comment' : 'statement')}
            options={[
              ...(v.commentAs.length ? [{ value: 'comment', label: t.agreements.kinds2.comment }] : []),
              ...(v.statementAs.length ? [{ value: 'statement', label: t.agreements.kinds2.statement }] : []),
            ]}
          />
          <SelectField
            name="sectionId"
            label={t.agreements.target}
            defaultValue={formError('comment')?.values.sectionId ?? ''}
            error={formError('comment')?.fieldErrors.sectionId}
            options={[{ value: '', label: t.agreements.wholeAgreement }, ...v.sections.map((s, i) => ({ value: s.id, label: `${i + 1}. ${pickText(s.heading, lang).text}` }))]}
          />
          <SelectField
            name="lang"
            label={t.agreements.commentLang}
            defaultValue={formError('comment')?.values.lang ?? (lang === 'sv' ? 'sv' : 'fi')}
            options={[
              { value: 'fi', label: t.common.languageNames.fi },
              { value: 'sv', label: t.common.languageNames.sv },
            ]}
          />
          <TextArea name="body" label={t.agreements.commentBody} required rows={8} defaultValue={formError('comment')?.values.body} error={formError('comment')?.fieldErrors.body} />
          <SubmitButton>{t.agreements.submitComment}</SubmitButton>
        </PostForm>
      )}
      {round && open && actingFor.length === 0 && <p className="muted">{t.agreements.cannotComment}</p>}

      {round && (
        <section aria-labelledby="comments-h">
          <h2 id="comments-h">{t.agreements.commentsHeading(visibleComments.filter((c) => !c.withdrawnAt).length)}</h2>
          {visibleComments.length === 0 && <p>{t.agreements.noComments}</p>}
          <ol className="comments">
            {visibleComments.map((c) => (
              <CommentItem
                key={c.id}
                c={c}
                heading={`${t.agreements.kinds2[c.kind]} – ${sectionHeading(c.sectionId)}`}
                byline={t.agreements.filedBy(partyName(c.partyId), c.authorName, dateTime(c.createdAt))}
                canAnswer={can('agreement.answer_comment') && !c.withdrawnAt}
                canWithdraw={open && !c.withdrawnAt && !c.answer && (c.kind === 'statement' ? v.statementAs : v.commentAs).includes(c.partyId)}
                failed={failed && failed.values.commentId === c.id ? failed : undefined}
              />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

function CommentItem(props: {
  c: AgreementComment;
  heading: string;
  byline: string;
  canAnswer: boolean;
  canWithdraw: boolean;
  failed?: { values: Record<string, string>; fieldErrors: Record<string, string> };
}) {
  const { t, lang, dateTime } = useI18n();
  const { c, failed } = props;
  const prefix = `c-${c.id}`;
  const answerFailed = failed?.values.intent === 'answer' ? failed : undefined;
  const replaceFailed = failed?.values.intent === 'replace' ? failed : undefined;
  return (
    <li className={c.withdrawnAt ? 'comment comment--withdrawn' : 'comment'}>
      <article aria-labelledby={`${prefix}-h`}>
        <h3 id={`${prefix}-h`}>{props.heading}</h3>
        <p className="muted">{props.byline}</p>
        {c.withdrawnAt && <p className="tag">{t.agreements.withdrawnAt(dateTime(c.withdrawnAt))}</p>}
        {c.replacesId && <p className="tag">{t.agreements.replacesEarlier}</p>}
        <div className="comment__body" lang={c.lang === lang ? undefined : c.lang}>
          {c.body.split(/\n{2,}/).map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </div>
        <div className="comment__answer">
          <h4>{t.agreements.answerHeading}</h4>
          {c.answer ? (
            <p>
              <strong>{t.agreements.answers[c.answer]}.</strong> {c.answerReasoning}
            </p>
          ) : (
            <p className="muted">{t.agreements.unanswered}</p>
          )}
        </div>
        {props.canAnswer && (
          <details open={!!answerFailed || undefined}>
            <summary>{t.agreements.saveAnswer}</summary>
            <PostForm>
              <input type="hidden" name="intent" value="answer" />
              <input type="hidden" name="commentId" value={c.id} />
              <input type="hidden" name="rowVersion" value={c.rowVersion} />
              <RadioList
                idPrefix={prefix}
                name="answer"
                legend={t.agreements.answer}
                error={answerFailed?.fieldErrors.answer}
                checked={answerFailed?.values.answer ?? c.answer ?? ''}
                options={COMMENT_ANSWERS.map((x) => ({ value: x, label: t.agreements.answers[x] }))}
              />
              <TextArea idPrefix={prefix} name="reasoning" label={t.agreements.reasoning} required rows={3} defaultValue={answerFailed?.values.reasoning ?? c.answerReasoning} error={answerFailed?.fieldErrors.reasoning} />
              <SubmitButton>{t.agreements.saveAnswer}</SubmitButton>
            </PostForm>
          </details>
        )}
        {props.canWithdraw && (
          <div className="actions">
            <PostForm className="inline-form">
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="commentId" value={c.id} />
              <input type="hidden" name="rowVersion" value={c.rowVersion} />
              <button type="submit" className="button button--danger button--small" data-confirm={t.agreements.confirmWithdraw}>
                {t.agreements.withdraw}
              </button>
            </PostForm>
          </div>
        )}
        {props.canWithdraw && c.kind === 'statement' && (
          <details open={!!replaceFailed || undefined}>
            <summary>{t.agreements.replaceStatement}</summary>
            <PostForm aria-labelledby={`${prefix}-rh`}>
              <h4 id={`${prefix}-rh`}>{t.agreements.replaceHeading}</h4>
              <input type="hidden" name="intent" value="replace" />
              <input type="hidden" name="commentId" value={c.id} />
              <input type="hidden" name="rowVersion" value={c.rowVersion} />
              <input type="hidden" name="lang" value={c.lang} />
              <TextArea idPrefix={prefix} name="body" label={t.agreements.commentBody} required rows={6} defaultValue={replaceFailed?.values.body ?? c.body} error={replaceFailed?.fieldErrors.body} />
              <SubmitButton>{t.agreements.replaceStatement}</SubmitButton>
            </PostForm>
          </details>
        )}
      </article>
    </li>
  );
}
