import { getAgreement, publishVersion, recordPresentation } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement';
import { ctxOf } from '../app-context.ts';
import { statusSentence } from '../approval-text.ts';
import { AgreementContent, pickText } from '../components/agreement-content.tsx';
import { ErrorSummary, Notice, PostForm, SelectField, SubmitButton, TextField } from '../components/forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';
import { dailyPublicPageHeaders } from '../public-page.ts';

/** Anonymous visitors may get this page from the page cache until the data or the date (Helsinki) changes. */
export const headers = dailyPublicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getAgreement(ctxOf(context), params.id));
}

/** Publishes the draft as a version, or records that a version was presented in a forum. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const ctx = ctxOf(context);
  const intent = values.intent === 'record-presentation' ? 'record-presentation' : 'publish';
  const res = await attempt(langOf(request), values, async () =>
    intent === 'publish' ? (await publishVersion(ctx, params.id, values)).number : (await recordPresentation(ctx, params.id, values), 0),
  );
  if (!res.ok) return res.response;
  return { ok: true as const, intent, number: res.result };
}

export default function AgreementPage({ loaderData, actionData }: Route.ComponentProps) {
  const i18n = useI18n();
  const { t, lang, href, date, dateTime } = i18n;
  const v = loaderData;
  const a = v.agreement;
  const can = (x: string) => (v.permittedActions as string[]).includes(x);
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const failedIntent = failed?.values.intent === 'record-presentation' ? 'record-presentation' : failed ? 'publish' : undefined;
  const title = pickText(a.title, lang);
  const coordinator = v.parties.find((p) => p.id === a.coordinatingPartyId);
  const round = v.rounds.at(-1);
  const gaps = v.content.sections.filter((s) => s.lacksSwedish);
  const editing = can('agreement.edit') && v.draftEditable;
  return (
    <div className="page">
      <title>{`${title.text} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/regions/${v.region.code}`)}>{v.region.name[lang]}</a> › <a href={href(`/regions/${v.region.code}/agreements`)}>{t.agreements.regionLink}</a>
      </nav>
      <h1 lang={title.lang === lang ? undefined : title.lang}>{title.text}</h1>
      {actionData?.ok && <Notice>{actionData.intent === 'publish' ? t.agreements.published(actionData.number) : t.agreements.presentationRecorded}</Notice>}

      <section aria-labelledby="facts-h">
        <h2 id="facts-h">{t.agreements.facts}</h2>
        <dl className="facts">
          <div>
            <dt>{t.agreements.status}</dt>
            <dd>
              <strong>{t.agreements.statuses[a.status]}</strong>
            </dd>
          </div>
          <div>
            <dt>{t.agreements.region}</dt>
            <dd>
              <a href={href(`/regions/${v.region.code}`)}>{v.region.name[lang]}</a>
            </dd>
          </div>
          <div>
            <dt>{t.agreements.colValidity}</dt>
            <dd>{t.agreements.validity(date(a.validFrom), a.validUntil ? date(a.validUntil) : null)}</dd>
          </div>
          <div>
            <dt>{t.agreements.coordinatingParty}</dt>
            <dd>{coordinator ? <a href={href(`/parties/${coordinator.id}`)}>{coordinator.name[lang]}</a> : ''}</dd>
          </div>
          {v.predecessor && (
            <div>
              <dt>{t.agreements.successorOf}</dt>
              <dd>
                <a href={href(`/agreements/${v.predecessor.id}`)}>{pickText(v.predecessor.title, lang).text}</a>
              </dd>
            </div>
          )}
          <div>
            <dt>{t.agreements.entryRule}</dt>
            <dd>{t.agreements.entryRules[a.entryRule]}</dd>
          </div>
          <div>
            <dt>{t.agreements.titleSv}</dt>
            <dd lang="sv">{a.title.sv || t.common.none}</dd>
          </div>
        </dl>
      </section>

      <p>
        <a href={href(`/agreements/${a.id}/goals`)}>{t.goals.linkFromAgreement}</a>
      </p>
      {v.versions.some((x) => x.isPublic) && (
        <p>
          <a href={href(`/agreements/${a.id}/record`)}>{t.agreementDocument.record.link}</a>
        </p>
      )}

      {can('agreement.edit') && (
        <section aria-labelledby="edit-h" className="card">
          <h2 id="edit-h">{t.agreements.editHeading}</h2>
          {v.draftEditable ? (
            <ul>
              <li>
                <a href={href(`/agreements/${a.id}/edit`)}>{t.agreements.editFacts}</a>
              </li>
              <li>
                <a href={href(`/agreements/${a.id}/sections`)}>{t.agreements.editSections}</a>
              </li>
              <li>
                <a href={href(`/agreements/${a.id}/areas`)}>{t.agreements.editAreas}</a>
              </li>
              <li>
                <a href={href(`/agreements/${a.id}/forums`)}>{t.agreements.editForums}</a>
              </li>
            </ul>
          ) : (
            <p>{t.agreements.notEditable}</p>
          )}
        </section>
      )}

      <section aria-labelledby="approval-h">
        <h2 id="approval-h">{t.agreements.approval.heading}</h2>
        <p>{statusSentence(i18n, { agreement: a, approvalVersion: v.approval.version })}</p>
        {v.approval.version && <p>{t.agreements.approval.progress(v.approval.approved, v.approval.parties.filter((p) => p.complete).length, v.parties.length)}</p>}
        {v.approval.version && (
          <p>
            {t.agreements.approval.approvalHash}: <code className="hash">{v.approval.version.sha256}</code>
          </p>
        )}
        {can('agreement.view_comments') && (
          <p>
            <a href={href(`/agreements/${a.id}/approval`)}>{t.agreements.approval.overviewLink}</a>
          </p>
        )}
      </section>

      <section aria-labelledby="round-h">
        <h2 id="round-h">{t.agreements.roundHeading}</h2>
        <p>
          {!round
            ? t.agreements.noRound
            : round.window === 'open'
              ? t.agreements.roundOpen(round.versionNumber, date(round.deadline))
              : round.window === 'deadline_passed'
                ? t.agreements.roundDeadlinePassed(round.versionNumber, date(round.deadline))
                : t.agreements.roundClosed(round.versionNumber)}
        </p>
        {can('agreement.view_comments') && (
          <p>
            <a href={href(`/agreements/${a.id}/comments`)}>{t.agreements.toComments}</a>
          </p>
        )}
      </section>

      <section aria-labelledby="content-h">
        <h2 id="content-h">{t.agreements.contentHeading}</h2>
        <p className="notice notice--info">
          {v.contentSource.kind === 'draft' ? t.agreements.draftNotice : t.agreements.versionNotice(v.contentSource.number, v.contentSource.label)}
        </p>
        {v.needsSwedish && v.contentSource.kind === 'draft' && (
          <div className={gaps.length ? 'notice notice--warning' : 'notice'} role="note" aria-labelledby="sv-gaps-h">
            <h3 id="sv-gaps-h">{t.agreements.swedishGapsTitle}</h3>
            {gaps.length === 0 ? (
              <p>{t.agreements.noSwedishGaps}</p>
            ) : (
              <>
                <p>{t.agreements.swedishGapsIntro(gaps.length)}</p>
                <ul>
                  {gaps.map((s) => (
                    <li key={s.id}>{editing ? <a href={href(`/agreements/${a.id}/sections/${s.id}`)}>{s.heading.fi}</a> : <a href={`#sec-${s.id}`}>{s.heading.fi}</a>}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        <AgreementContent content={v.content} needsSwedish={v.needsSwedish && v.contentSource.kind === 'draft'} />
      </section>

      <section aria-labelledby="parties-h">
        <h2 id="parties-h">{t.agreements.partiesHeading(v.parties.length)}</h2>
        <table className="table">
          <caption className="visually-hidden">{t.agreements.partiesHeading(v.parties.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.agreements.colParty}</th>
              <th scope="col">{t.agreements.colBusinessId}</th>
              <th scope="col">{t.agreements.colLanguage}</th>
            </tr>
          </thead>
          <tbody>
            {v.parties.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <a href={href(`/parties/${p.id}`)}>{p.name[lang]}</a>
                  {p.id === a.coordinatingPartyId && <span className="muted"> ({t.agreements.coordinatorMark})</span>}
                </th>
                <td>{p.businessId ?? t.common.none}</td>
                <td>
                  <abbr title={t.common.languages[p.language]}>{t.common.languagesShort[p.language]}</abbr>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="versions-h">
        <h2 id="versions-h">{t.agreements.versionsHeading}</h2>
        {v.versions.length === 0 ? (
          <p>{t.agreements.noVersions}</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">{t.agreements.versionsHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{t.agreements.colVersion}</th>
                <th scope="col">{t.agreements.colLabel}</th>
                <th scope="col">{t.agreements.colPublished}</th>
                <th scope="col">{t.agreements.colVisibility}</th>
                <th scope="col">{t.agreements.colHash}</th>
              </tr>
            </thead>
            <tbody>
              {v.versions.map((x) => (
                <tr key={x.id}>
                  <th scope="row">
                    <a href={href(`/agreements/${a.id}/versions/${x.number}`)}>{x.number}</a>
                  </th>
                  <td>{x.label}</td>
                  <td>{dateTime(x.publishedAt)}</td>
                  <td>{x.isPublic ? t.agreements.publicVersion : t.agreements.internalVersion}</td>
                  <td>
                    <code className="hash" title={x.sha256}>
                      {x.sha256.slice(0, 12)}…
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {v.versions.length >= 2 && (
          <form method="get" action={href(`/agreements/${a.id}/diff`)} className="filters" aria-labelledby="compare-h">
            <h3 id="compare-h" className="visually-hidden">
              {t.agreements.compareHeading}
            </h3>
            <SelectField
              name="from"
              label={t.agreements.compareFrom}
              defaultValue={String(v.versions.at(-2)!.number)}
              options={v.versions.map((x) => ({ value: String(x.number), label: t.agreements.versionOption(x.number, x.label) }))}
            />
            <SelectField
              name="to"
              label={t.agreements.compareTo}
              defaultValue={String(v.versions.at(-1)!.number)}
              options={v.versions.map((x) => ({ value: String(x.number), label: t.agreements.versionOption(x.number, x.label) }))}
            />
            <button type="submit" className="button button--secondary">
              {t.agreements.compare}
            </button>
          </form>
        )}
        {can('agreement.publish_version') && v.draftEditable && (
          <PostForm className="card" aria-labelledby="publish-h">
            <h3 id="publish-h">{t.agreements.publishHeading}</h3>
            <p>{t.agreements.publishIntro}</p>
            {failedIntent === 'publish' && <ErrorSummary message={failed!.message} fieldErrors={failed!.fieldErrors} labels={{ label: t.agreements.publishLabel }} />}
            <input type="hidden" name="intent" value="publish" />
            <TextField
              name="label"
              label={t.agreements.publishLabel}
              hint={t.agreements.publishLabelHint}
              required
              defaultValue={failedIntent === 'publish' ? failed!.values.label : ''}
              error={failedIntent === 'publish' ? failed!.fieldErrors.label : undefined}
            />
            <SubmitButton>{t.agreements.publish}</SubmitButton>
          </PostForm>
        )}
      </section>

      <section aria-labelledby="presentations-h">
        <h2 id="presentations-h">{t.agreements.presentationsHeading}</h2>
        {v.presentations.length === 0 ? (
          <p>{t.agreements.noPresentations}</p>
        ) : (
          <ul>
            {v.presentations.map((p) => (
              <li key={p.id}>
                {t.agreements.presentation(p.versionNumber, p.forumName, date(p.presentedOn))}
                {p.meetingId ? (
                  <>
                    {' – '}
                    <a href={href(`/meetings/${p.meetingId}`)}>{p.note}</a>
                  </>
                ) : (
                  p.note && <span className="muted"> – {p.note}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {can('agreement.record_presentation') && v.versions.length > 0 && (
          <PostForm className="card" aria-labelledby="present-h">
            <h3 id="present-h">{t.agreements.recordPresentationHeading}</h3>
            {failedIntent === 'record-presentation' && (
              <ErrorSummary
                message={failed!.message}
                fieldErrors={failed!.fieldErrors}
                labels={{ versionNumber: t.agreements.presentationVersion, forumName: t.agreements.presentationForumName, presentedOn: t.agreements.presentationDate }}
              />
            )}
            <input type="hidden" name="intent" value="record-presentation" />
            <SelectField
              name="versionNumber"
              label={t.agreements.presentationVersion}
              defaultValue={failedIntent === 'record-presentation' ? failed!.values.versionNumber : String(v.versions.at(-1)!.number)}
              options={v.versions.map((x) => ({ value: String(x.number), label: t.agreements.versionOption(x.number, x.label) }))}
            />
            <SelectField
              name="forumId"
              label={t.agreements.presentationForum}
              defaultValue={failedIntent === 'record-presentation' ? failed!.values.forumId : ''}
              options={[{ value: '', label: t.agreements.presentationForumOther }, ...v.content.forums.map((f) => ({ value: f.id, label: pickText(f.name, lang).text }))]}
            />
            <TextField
              name="forumName"
              label={t.agreements.presentationForumName}
              defaultValue={failedIntent === 'record-presentation' ? failed!.values.forumName : ''}
              error={failedIntent === 'record-presentation' ? failed!.fieldErrors.forumName : undefined}
            />
            <TextField
              name="presentedOn"
              type="date"
              label={t.agreements.presentationDate}
              required
              defaultValue={failedIntent === 'record-presentation' ? failed!.values.presentedOn : ''}
              error={failedIntent === 'record-presentation' ? failed!.fieldErrors.presentedOn : undefined}
            />
            <TextField name="note" label={t.agreements.presentationNote} defaultValue={failedIntent === 'record-presentation' ? failed!.values.note : ''} />
            <SubmitButton>{t.agreements.recordPresentation}</SubmitButton>
          </PostForm>
        )}
      </section>
    </div>
  );
}
