import { DECISION_OUTCOMES, getPartyApproval, recordDecision } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-party-decisions';
import { ctxOf } from '../app-context.ts';
import { stepText } from '../approval-text.ts';
import { RadioList } from '../components/choice-lists.tsx';
import { ErrorSummary, Notice, PostForm, SelectField, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
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
  const labels = {
    stepId: a.step,
    versionNumber: a.version,
    meetingDate: a.meetingDate,
    section: a.section,
    diaryNumber: a.diaryNumber,
    preparer: a.preparer,
    presenter: a.presenter,
    proposal: a.proposalText,
    decision: a.decisionText,
    outcome: a.outcome,
    minutesUrl: a.minutesUrl,
    reExaminesId: a.reExamines,
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
            <SelectField
              name="stepId"
              label={a.step}
              required
              defaultValue={val('stepId', v.approval.progress.steps.find((s) => !s.done)?.step.id ?? '')}
              error={failed?.fieldErrors.stepId}
              options={v.approval.chain.map((s) => ({ value: s.id ?? '', label: a.stepOption(s.position, lang === 'sv' && s.body.sv ? s.body.sv : s.body.fi, a.roles[s.role]) }))}
            />
            <SelectField
              name="versionNumber"
              label={a.version}
              required
              defaultValue={val('versionNumber', String(v.sentVersions.find((x) => x.current)?.number ?? v.sentVersions[0]?.number ?? ''))}
              error={failed?.fieldErrors.versionNumber}
              options={v.sentVersions.map((x) => ({ value: String(x.number), label: a.versionOption(x.number, x.label, x.current) }))}
            />
            <TextField name="meetingDate" type="date" label={a.meetingDate} required defaultValue={val('meetingDate')} error={failed?.fieldErrors.meetingDate} />
            <TextField name="section" label={a.section} hint={a.sectionHint} inputMode="numeric" defaultValue={val('section')} error={failed?.fieldErrors.section} />
            <TextField name="diaryNumber" label={a.diaryNumber} hint={a.diaryNumberHint} defaultValue={val('diaryNumber')} error={failed?.fieldErrors.diaryNumber} />
            <TextField name="preparer" label={a.preparer} hint={a.preparerHint} defaultValue={val('preparer')} error={failed?.fieldErrors.preparer} />
            <TextField name="presenter" label={a.presenter} hint={a.presenterHint} defaultValue={val('presenter')} error={failed?.fieldErrors.presenter} />
            <TextArea name="proposal" label={a.proposalText} rows={4} defaultValue={val('proposal')} error={failed?.fieldErrors.proposal} />
            <TextArea name="decision" label={a.decisionText} rows={3} defaultValue={val('decision')} error={failed?.fieldErrors.decision} />
            <RadioList
              name="outcome"
              legend={a.outcome}
              checked={val('outcome', 'approved')}
              error={failed?.fieldErrors.outcome}
              options={DECISION_OUTCOMES.map((o) => ({ value: o, label: a.outcomes[o] }))}
            />
            <TextField name="minutesUrl" type="url" label={a.minutesUrl} hint={a.minutesUrlHint} defaultValue={val('minutesUrl')} error={failed?.fieldErrors.minutesUrl} />
            {v.approval.decisions.length > 0 && (
              <SelectField
                name="reExaminesId"
                label={a.reExamines}
                hint={a.reExaminesHint}
                defaultValue={val('reExaminesId')}
                error={failed?.fieldErrors.reExaminesId}
                options={[
                  { value: '', label: a.reExaminesNone },
                  ...decisions.filter((d) => !d.annulled).map((d) => ({ value: d.id, label: a.reExaminesOption(d.body.fi, date(d.meetingDate), a.outcomes[d.outcome]) })),
                ]}
              />
            )}
            <SubmitButton>{a.record}</SubmitButton>
          </PostForm>
        )}
      </section>
    </div>
  );
}
