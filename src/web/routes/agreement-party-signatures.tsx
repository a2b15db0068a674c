import { getPartyApproval, SIGNATURE_METHODS, signAgreement } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-party-signatures';
import { ctxOf } from '../app-context.ts';
import { RadioList } from '../components/choice-lists.tsx';
import { ErrorSummary, Notice, PostForm, SubmitButton, TextField } from '../components/forms.tsx';
import { PartyApprovalNav } from '../components/party-approval-nav.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getPartyApproval(ctxOf(context), params.id, params.partyId));
}

/** Signs in person, or records a wet-ink or external e-signature, for this party. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const res = await attempt(langOf(request), values, () => signAgreement(ctxOf(context), params.id, { ...values, partyId: params.partyId }));
  if (!res.ok) return res.response;
  return { ok: true as const };
}

export default function AgreementPartySignaturesPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href, date } = useI18n();
  const a = t.agreements.approval;
  const v = loaderData;
  const name = v.approval.party.name[lang];
  const g = v.approval.progress;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const val = (k: string, d = '') => failed?.values[k] ?? d;
  const version = v.approvalVersion;
  const finalStep = g.steps.find((s) => s.isFinal);
  const canSign = v.actions.includes('approval.sign');
  const signatures = [...v.approval.signatures].reverse();
  const labels = { method: a.method, signerName: a.signerName, signerTitle: a.signerTitle, signedOn: a.signedOn, place: a.place, reference: a.reference, sha256: a.approvalHash };
  let blocked: string | null = null;
  if (!canSign) blocked = a.cannotSign;
  else if (v.agreement.status !== 'in_approval' || !version) blocked = a.signNotInApproval;
  else if (!g.finalApproval) blocked = a.signWaitApproval;
  else if (g.signaturesComplete) blocked = a.signComplete;
  return (
    <div className="page">
      <title>{`${a.signaturesTitle(name)} – ${t.common.appName}`}</title>
      <PartyApprovalNav view={v} current="signatures" />
      <h1>{a.signaturesTitle(name)}</h1>
      <p className="lead">{a.signaturesIntro(v.approval.requiredSignatures)}</p>
      {actionData?.ok && <Notice>{a.signed}</Notice>}

      {version && (
        <dl className="facts">
          <div>
            <dt>{a.approvalVersion}</dt>
            <dd>
              <a href={href(`/agreements/${v.agreement.id}/versions/${version.number}`)}>{t.agreements.versionOption(version.number, version.label)}</a>
            </dd>
          </div>
          <div>
            <dt>{a.finalMark}</dt>
            <dd>{g.finalApproval && finalStep ? a.finalApprovalOn(g.finalApproval.body.fi, date(g.finalApproval.meetingDate)) : a.notHandled}</dd>
          </div>
          <div className="facts__wide">
            <dt>{a.approvalHash}</dt>
            <dd>
              <code className="hash">{version.sha256}</code>
              <br />
              <span className="muted">{a.hashHelp}</span>
            </dd>
          </div>
        </dl>
      )}

      <section aria-labelledby="sigs-h">
        <h2 id="sigs-h">{a.signaturesHeading}</h2>
        {signatures.length === 0 ? (
          <p>{a.noSignatures}</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">{a.signaturesHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{a.colSigner}</th>
                <th scope="col">{a.colDate}</th>
                <th scope="col">{a.colPlace}</th>
                <th scope="col">{a.colMethod}</th>
                <th scope="col">{a.colReference}</th>
                <th scope="col">{a.colVersion}</th>
                <th scope="col">{a.colHash}</th>
              </tr>
            </thead>
            <tbody>
              {signatures.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.signerName}, {s.signerTitle}
                  </th>
                  <td>{date(s.signedOn)}</td>
                  <td>{s.place}</td>
                  <td>{a.methods[s.method]}</td>
                  <td>{s.reference || t.common.none}</td>
                  <td>{s.versionId === version?.id ? a.versionCurrent(s.versionNumber) : <span className="tag tag--warning">{a.versionOlder(s.versionNumber)}</span>}</td>
                  <td>
                    <code className="hash" title={s.sha256}>
                      {s.sha256.slice(0, 12)}…
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="sign-h">
        <h2 id="sign-h">{a.signHeading}</h2>
        {blocked || !version ? (
          <p>{blocked}</p>
        ) : (
          <PostForm className="card" aria-labelledby="sign-h">
            <ErrorSummary message={failed?.message} fieldErrors={failed?.fieldErrors} labels={labels} />
            <input type="hidden" name="sha256" value={version.sha256} />
            <RadioList
              name="method"
              legend={a.method}
              hint={a.methodHint}
              checked={val('method', 'in_product')}
              error={failed?.fieldErrors.method}
              options={SIGNATURE_METHODS.map((m) => ({ value: m, label: a.methods[m] }))}
            />
            <TextField name="signerName" label={a.signerName} hint={a.signerNameHint} defaultValue={val('signerName')} error={failed?.fieldErrors.signerName} />
            <TextField name="signerTitle" label={a.signerTitle} hint={a.signerTitleHint} defaultValue={val('signerTitle')} error={failed?.fieldErrors.signerTitle} />
            <TextField name="signedOn" type="date" label={a.signedOn} defaultValue={val('signedOn')} error={failed?.fieldErrors.signedOn} />
            <TextField name="place" label={a.place} required defaultValue={val('place')} error={failed?.fieldErrors.place} />
            <TextField name="reference" label={a.reference} hint={a.referenceHint} defaultValue={val('reference')} error={failed?.fieldErrors.reference} />
            <p>
              <strong>{a.confirmHash(version.sha256)}</strong>
            </p>
            <SubmitButton>{a.sign}</SubmitButton>
          </PostForm>
        )}
      </section>
    </div>
  );
}
