import { getPartyApproval, recordDecision } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-party-decisions';
import { ctxOf } from '../app-context.ts';
import { stepText } from '../approval-text.ts';
import { DecisionFields, useDecisionFieldLabels, type DecisionFieldName } from '../components/decision-fields.tsx';
import { ErrorSummary, Notice, PostForm, SubmitButton } from '../components/forms.tsx';
import { PartyApprovalNav } from '../components/party-approval-nav.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getPartyApproval(ctxOf(context), params.id, params.partyId));
}

/** Records one handling of the agreement by one of the party's bodies. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const res = await attempt(langOf(request), values, () => recordDecision(ctxOf(context), params.id, { ...values, partyId: params.partyId }));
  if (!res.ok) return res.response;
  return { ok: true as const };
}

const OPEN = ['draft', 'comment_round', 'in_approval'];

export default function AgreementPartyDecisionsPage({ loaderData, actionData }: Route.ComponentProps) {
  const i = useI18n();
  const { t, lang, date, dateTime, href } = i;
  const a = t.agreements.approval;
  const v = loaderData;
  const party = v.approval.party;
  const name = party.name[lang];
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const val = (k: string, d = '') => failed?.values[k] ?? d;
  const canRecord = v.actions.includes('approval.record_decision');
  const open = OPEN.includes(v.agreement.status) && v.sentVersions.length > 0;
  const stepOf = (id: string) => v.approval.chain.find((s) => s.id === id);
  const replaced = new Set(v.approval.decisions.filter((d) => !d.annulled).map((d) => d.reExaminesId).filter(Boolean));
  const canCorrect = canRecord && ['draft', 'comment_round', 'in_approval', 'signed_by_all'].includes(v.agreement.status);
  const decisions = [...v.approval.decisions].reverse();
  const labels = useDecisionFieldLabels();
  const defaults: Partial<Record<DecisionFieldName, string>> = {
    stepId: v.approval.progress.steps.find((s) => !s.done)?.step.id ?? '',
    versionNumber: String(v.sentVersions.find((x) => x.current)?.number ?? v.sentVersions[0]?.number ?? ''),
    outcome: 'approved',
  };
  return (
    <div className="page">
      <title>{`${a.decisionsTitle(name)} – ${t.common.appName}`}</title>
      <PartyApprovalNav view={v} current="decisions" />
      <h1>{a.decisionsTitle(name)}</h1>
      <p className="lead">{a.decisionsIntro}</p>
      {actionData?.ok && <Notice>{a.recorded}</Notice>}

      <section aria-labelledby="chain-h">
        <h2 id="chain-h">{a.chainSummary}</h2>
        <ol>
          {v.approval.progress.steps.map((s) => {
            const x = stepText(i, s);
            return (
              <li key={s.step.position}>
                {x.head}: <span className={s.done ? 'state state--done' : 'state'}>{x.status}</span>
                {x.older && <span className="muted"> ({x.older})</span>}
              </li>
            );
          })}
        </ol>
        <p>{a.requiredSignaturesValue(v.approval.requiredSignatures)}</p>
      </section>

      <section aria-labelledby="proposals-h">
        <h2 id="proposals-h">{a.proposalsHeading}</h2>
        {v.proposals.length === 0 ? (
          <p>{a.proposalsNone}</p>
        ) : (
          <>
            <p>{a.proposalsIntro}</p>
            {v.proposals.map((p) => {
              const step = v.approval.chain.find((s) => s.position === p.position)!;
              return (
                <div key={p.position} className="proposal card">
                  <h3>{a.proposalFor(lang === 'sv' && step.body.sv ? step.body.sv : step.body.fi)}</h3>
                  <div className="field">
                    <label htmlFor={`proposal-fi-${p.position}`}>{a.proposalFi}</label>
                    <textarea id={`proposal-fi-${p.position}`} readOnly rows={5} lang="fi" defaultValue={p.text.fi} />
                  </div>
                  <div className="field">
                    <label htmlFor={`proposal-sv-${p.position}`}>{a.proposalSv}</label>
                    <textarea id={`proposal-sv-${p.position}`} readOnly rows={5} lang="sv" defaultValue={p.text.sv} />
                  </div>
                </div>
              );
            })}
          </>
        )}
      </section>

      <section aria-labelledby="decisions-h">
        <h2 id="decisions-h">{a.decisionsHeading}</h2>
        {decisions.length === 0 ? (
          <p>{a.noDecisions}</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">{a.decisionsHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{a.colMeeting}</th>
                <th scope="col">{a.colBody}</th>
                <th scope="col">{a.colSection}</th>
                <th scope="col">{a.colDiary}</th>
                <th scope="col">{a.colOutcome}</th>
                <th scope="col">{a.colVersion}</th>
                <th scope="col">{a.colMinutes}</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((d) => {
                const step = stepOf(d.stepId);
                const earlier = d.reExaminesId ? v.approval.decisions.find((x) => x.id === d.reExaminesId) : undefined;
                const current = v.approvalVersion?.id === d.versionId;
                return (
                  <tr key={d.id} className={d.annulled ? 'record--withdrawn' : undefined}>
                    <th scope="row">
                      {d.annulled ? <del>{date(d.meetingDate)}</del> : date(d.meetingDate)}
                      {d.annulled && (
                        <>
                          <br />
                          <span className="tag tag--warning">{a.annulledTag}</span>
                        </>
                      )}
                    </th>
                    <td>
                      {lang === 'sv' && d.body.sv ? d.body.sv : d.body.fi}
                      {step && <span className="muted"> ({a.roles[step.role]})</span>}
                    </td>
                    <td>{d.section || t.common.none}</td>
                    <td>{d.diaryNumber || t.common.none}</td>
                    <td>
                      {d.annulled ? <del>{a.outcomes[d.outcome]}</del> : a.outcomes[d.outcome]}
                      {d.annulled && (
                        <>
                          <br />
                          <span className="muted">{a.annulledBecause(d.annulled.reason, d.annulled.by ?? '–', dateTime(d.annulled.at))}</span>
                        </>
                      )}
                      {d.correctedAt && (
                        <>
                          <br />
                          <span className="muted">{a.correctedAt(dateTime(d.correctedAt))}</span>
                        </>
                      )}
                      {canCorrect && !d.annulled && (
                        <>
                          <br />
                          <a href={href(`/agreements/${v.agreement.id}/parties/${party.id}/decisions/${d.id}`)}>
                            {a.correctLink(`${lang === 'sv' && d.body.sv ? d.body.sv : d.body.fi} ${date(d.meetingDate)}`)}
                          </a>
                        </>
                      )}
                      {earlier && (
                        <>
                          <br />
                          <span className="muted">{a.reExamined(date(earlier.meetingDate))}</span>
                        </>
                      )}
                      {replaced.has(d.id) && (
                        <>
                          <br />
                          <span className="tag">{a.replacedBy}</span>
                        </>
                      )}
                      {(d.preparer || d.presenter || d.proposal || d.decision) && (
                        <details>
                          <summary>{a.details}</summary>
                          <dl>
                            {d.preparer && (
                              <>
                                <dt>{a.preparer}</dt>
                                <dd>{d.preparer}</dd>
                              </>
                            )}
                            {d.presenter && (
                              <>
                                <dt>{a.presenter}</dt>
                                <dd>{d.presenter}</dd>
                              </>
                            )}
                            {d.proposal && (
                              <>
                                <dt>{a.proposalText}</dt>
                                <dd className="pre-line">{d.proposal}</dd>
                              </>
                            )}
                            {d.decision && (
                              <>
                                <dt>{a.decisionText}</dt>
                                <dd className="pre-line">{d.decision}</dd>
                              </>
                            )}
                          </dl>
                          <p className="muted">{a.recordedBy(d.recordedBy ?? '–', dateTime(d.recordedAt))}</p>
                        </details>
                      )}
                    </td>
                    <td>{current ? a.versionCurrent(d.versionNumber) : <span className="tag tag--warning">{a.versionOlder(d.versionNumber)}</span>}</td>
                    <td>
                      {d.minutesUrl ? (
                        <a href={d.minutesUrl} rel="noopener noreferrer">
                          {a.minutesOf(d.body.fi, date(d.meetingDate))}
                        </a>
                      ) : (
                        t.common.none
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="record-h">
        <h2 id="record-h">{a.recordHeading}</h2>
        {!canRecord ? (
          <p>{a.cannotRecord}</p>
        ) : !open ? (
          <p>{a.notOpenForDecisions}</p>
        ) : (
          <PostForm className="card" aria-labelledby="record-h">
            <ErrorSummary message={failed?.message} fieldErrors={failed?.fieldErrors} labels={labels} />
            <DecisionFields
              chain={v.approval.chain}
              sentVersions={v.sentVersions}
              reExaminable={decisions.filter((d) => !d.annulled)}
              value={(k) => val(k, defaults[k] ?? '')}
              fieldErrors={failed?.fieldErrors}
            />
            <SubmitButton>{a.record}</SubmitButton>
          </PostForm>
        )}
      </section>
    </div>
  );
}
