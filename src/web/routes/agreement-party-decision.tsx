import { data, redirect } from 'react-router';
import { annulDecision, correctDecision, getPartyApproval, type DecisionRecord } from '#modules/agreements/index.ts';
import { href as hrefIn } from '#i18n/index.ts';
import type { Route } from './+types/agreement-party-decision';
import { ctxOf } from '../app-context.ts';
import { DecisionFields, useDecisionFieldLabels } from '../components/decision-fields.tsx';
import { ErrorSummary, Notice, PostForm, SubmitButton, TextArea } from '../components/forms.tsx';
import { PartyApprovalNav } from '../components/party-approval-nav.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

/** One decision record of one party, to correct or annul (only the party's own recorders, not once in force). */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const view = await load(request, () => getPartyApproval(ctxOf(context), params.id, params.partyId));
  const decision = view.approval.decisions.find((d) => d.id === params.decisionId);
  if (!decision) throw data({ code: 'agreements.decision_not_found' }, { status: 404 });
  const saved = new URL(request.url).searchParams.get('saved');
  return { ...view, decision, savedParam: saved === 'corrected' || saved === 'annulled' ? saved : null };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const lang = langOf(request);
  const annul = values.intent === 'annul';
  const res = await attempt(lang, values, () =>
    annul ? annulDecision(ctxOf(context), params.id, params.decisionId, values) : correctDecision(ctxOf(context), params.id, params.decisionId, values),
  );
  if (!res.ok) return res.response;
  return redirect(hrefIn(lang, `/agreements/${params.id}/parties/${params.partyId}/decisions/${params.decisionId}?saved=${annul ? 'annulled' : 'corrected'}`));
}

const OPEN_FOR_CORRECTIONS = ['draft', 'comment_round', 'in_approval', 'signed_by_all'];

export default function AgreementPartyDecisionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, date, dateTime, href } = useI18n();
  const a = t.agreements.approval;
  const v = loaderData;
  const d = v.decision;
  const name = v.approval.party.name[lang];
  const failedAny = actionData && !actionData.ok ? actionData : undefined;
  const failedAnnul = failedAny?.values.intent === 'annul' ? failedAny : undefined;
  const failed = failedAny && !failedAnnul ? failedAny : undefined;
  const conflictCurrent =
    failedAny?.code === 'agreements.decision_edited_by_someone_else' ? (failedAny.details?.current as (Omit<DecisionRecord, 'recordedAt'> & { recordedAt: string | Date }) | undefined) : undefined;
  // After a conflict the form keeps the user's values on top of the newest record (its rowVersion).
  const rowVersion = String(conflictCurrent?.rowVersion ?? d.rowVersion);
  const val = (k: string, dflt: string) => failed?.values[k] ?? dflt;
  const canRecord = v.actions.includes('approval.record_decision');
  const open = OPEN_FOR_CORRECTIONS.includes(v.agreement.status);
  const bodyName = lang === 'sv' && d.body.sv ? d.body.sv : d.body.fi;
  const others = v.approval.decisions.filter((x) => x.id !== d.id && !x.annulled);
  const labels = { ...useDecisionFieldLabels(), reason: a.annulReason };
  const savedParam = v.savedParam;
  return (
    <div className="page">
      <title>{`${a.correctTitle(name)} – ${t.common.appName}`}</title>
      <PartyApprovalNav view={v} current="decisions" />
      <h1>{a.correctTitle(name)}</h1>
      <p className="lead">
        {bodyName} {date(d.meetingDate)}
        {d.section && ` § ${d.section}`} – {a.outcomes[d.outcome]} ({a.versionCurrent(d.versionNumber)})
      </p>
      {savedParam === 'corrected' && <Notice>{a.corrected}</Notice>}
      {savedParam === 'annulled' && <Notice>{a.annulled}</Notice>}
      <p>
        <a href={href(`/agreements/${v.agreement.id}/parties/${v.approval.party.id}/decisions`)}>{a.backToDecisions}</a>
      </p>

      {d.annulled ? (
        <section aria-labelledby="annulled-h" className="card">
          <h2 id="annulled-h">{a.annulledTag}</h2>
          <p>{a.annulledState}</p>
          <p>{a.annulledBecause(d.annulled.reason, d.annulled.by ?? '–', dateTime(d.annulled.at))}</p>
        </section>
      ) : !canRecord ? (
        <p>{a.cannotRecord}</p>
      ) : !open ? (
        <p>{a.recordsFinal}</p>
      ) : (
        <>
          <p>{a.correctIntro}</p>
          {conflictCurrent && (
            <section className="card conflict" aria-labelledby="conflict-h">
              <h2 id="conflict-h">{a.conflictHeading}</h2>
              <p>{a.conflictIntro}</p>
              <dl className="facts">
                <div>
                  <dt>{a.meetingDate}</dt>
                  <dd>{date(conflictCurrent.meetingDate)}</dd>
                </div>
                <div>
                  <dt>{a.section}</dt>
                  <dd>{conflictCurrent.section || t.common.none}</dd>
                </div>
                <div>
                  <dt>{a.diaryNumber}</dt>
                  <dd>{conflictCurrent.diaryNumber || t.common.none}</dd>
                </div>
                <div>
                  <dt>{a.outcome}</dt>
                  <dd>{a.outcomes[conflictCurrent.outcome]}</dd>
                </div>
                <div>
                  <dt>{a.version}</dt>
                  <dd>{conflictCurrent.versionNumber}</dd>
                </div>
                <div>
                  <dt>{a.minutesUrl}</dt>
                  <dd>{conflictCurrent.minutesUrl || t.common.none}</dd>
                </div>
              </dl>
            </section>
          )}
          <section aria-labelledby="correct-h">
            <h2 id="correct-h">{a.correctHeading}</h2>
            <PostForm className="card" aria-labelledby="correct-h">
              <ErrorSummary message={failed?.message} fieldErrors={failed?.fieldErrors} labels={labels} />
              <input type="hidden" name="intent" value="correct" />
              <input type="hidden" name="rowVersion" value={rowVersion} />
              <DecisionFields
                chain={v.approval.chain}
                sentVersions={v.sentVersions}
                reExaminable={others}
                value={(k) => val(k, k === 'versionNumber' ? String(d.versionNumber) : (d[k] ?? ''))}
                fieldErrors={failed?.fieldErrors}
              />
              <SubmitButton>{a.saveCorrection}</SubmitButton>
            </PostForm>
          </section>
          <section aria-labelledby="annul-h">
            <h2 id="annul-h">{a.annulHeading}</h2>
            <PostForm className="card" aria-labelledby="annul-h">
              <ErrorSummary message={failedAnnul?.message} fieldErrors={failedAnnul?.fieldErrors} labels={labels} />
              <p>{a.annulIntro}</p>
              <input type="hidden" name="intent" value="annul" />
              <input type="hidden" name="rowVersion" value={rowVersion} />
              <TextArea
                name="reason"
                idPrefix="annul"
                label={a.annulReason}
                hint={a.annulReasonHint}
                required
                rows={2}
                defaultValue={failedAnnul?.values.reason ?? ''}
                error={failedAnnul?.fieldErrors.reason}
              />
              <SubmitButton variant="danger">{a.annul}</SubmitButton>
            </PostForm>
          </section>
        </>
      )}
    </div>
  );
}
