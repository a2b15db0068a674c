import { getPartyApproval, revokeSignature, SIGNATURE_METHODS, signAgreement } from '#modules/agreements/index.ts';
import { DEFAULT_UPLOAD_MAX_BYTES, megabytes } from '#platform/uploads.ts';
import type { Route } from './+types/agreement-party-signatures';
import { ctxOf } from '../app-context.ts';
import { RadioList } from '../components/choice-lists.tsx';
import { ErrorSummary, FileField, Notice, PostForm, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { PartyApprovalNav } from '../components/party-approval-nav.tsx';
import { attempt } from '../forms.server.ts';
import { scanLinkText } from '../approval-text.ts';
import { useI18n } from '../i18n.tsx';
import { readFormWithFiles } from '../multipart.server.ts';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const view = await load(request, () => getPartyApproval(ctxOf(context), params.id, params.partyId));
  return { ...view, maxScanMb: megabytes(context.services.config.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES) };
}

/**
 * Signs in person, or records a wet-ink (with its scanned page, multipart) or external e-signature, for
 * this party; or revokes a signature recorded by mistake (intent=revoke).
 */
export async function action({ context, params, request }: Route.ActionArgs) {
  const { values, files } = await readFormWithFiles(request, context, { fileFields: ['scan'] });
  const lang = langOf(request);
  if (values.intent === 'revoke') {
    const signatureId = values.signatureId ?? '';
    const res = await attempt(lang, values, () => revokeSignature(ctxOf(context), params.id, signatureId, values));
    if (!res.ok) return res.response;
    return { ok: true as const, revoked: true };
  }
  const res = await attempt(lang, values, () => signAgreement(ctxOf(context), params.id, { ...values, partyId: params.partyId }, files.scan));
  if (!res.ok) return res.response;
  return { ok: true as const, revoked: false };
}

const OPEN_FOR_CORRECTIONS = ['draft', 'comment_round', 'in_approval', 'signed_by_all'];

const canSignRole = (actions: readonly string[]) => actions.includes('approval.sign');

export default function AgreementPartySignaturesPage({ loaderData, actionData }: Route.ComponentProps) {
  const i = useI18n();
  const { t, lang, href, date, dateTime } = i;
  const a = t.agreements.approval;
  const v = loaderData;
  const name = v.approval.party.name[lang];
  const g = v.approval.progress;
  const failedAny = actionData && !actionData.ok ? actionData : undefined;
  const failedRevoke = failedAny?.values.intent === 'revoke' ? failedAny : undefined;
  const failed = failedAny && !failedRevoke ? failedAny : undefined;
  const val = (k: string, d = '') => failed?.values[k] ?? d;
  const canRevoke = canSignRole(v.actions) && OPEN_FOR_CORRECTIONS.includes(v.agreement.status);
  const version = v.approvalVersion;
  const finalStep = g.steps.find((s) => s.isFinal);
  const canSign = v.actions.includes('approval.sign');
  const signatures = [...v.approval.signatures].reverse();
  const labels = { method: a.method, signerName: a.signerName, signerTitle: a.signerTitle, signedOn: a.signedOn, place: a.place, reference: a.reference, sha256: a.approvalHash, scan: a.scan };
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
      {actionData?.ok && <Notice>{actionData.revoked ? a.revoked : a.signed}</Notice>}
      {failedRevoke && <ErrorSummary message={failedRevoke.message} fieldErrors={failedRevoke.fieldErrors} labels={{ reason: a.revokeReason }} />}

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
                <th scope="col">{a.colScan}</th>
              </tr>
            </thead>
            <tbody>
              {signatures.map((s) => (
                <tr key={s.id} className={s.revoked ? 'record--withdrawn' : undefined}>
                  <th scope="row">
                    {s.revoked ? (
                      <del>
                        {s.signerName}, {s.signerTitle}
                      </del>
                    ) : (
                      <>
                        {s.signerName}, {s.signerTitle}
                      </>
                    )}
                    {s.revoked && (
                      <>
                        <br />
                        <span className="tag tag--warning">{a.revokedTag}</span> <span className="muted">{a.revokedBecause(s.revoked.reason, s.revoked.by ?? '–', dateTime(s.revoked.at))}</span>
                      </>
                    )}
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
                  <td>
                    {s.scan ? (
                      <>
                        <a href={href(`/agreements/${v.agreement.id}/signatures/${s.id}/scan`)} download>
                          {scanLinkText(i, s.scan)}
                        </a>
                        <br />
                        <code className="hash" title={a.scanHash(s.scan.sha256)}>
                          {s.scan.sha256.slice(0, 12)}…
                        </code>
                      </>
                    ) : (
                      t.common.none
                    )}
                    {canRevoke && !s.revoked && (
                      <details className="revoke" open={failedRevoke?.values.signatureId === s.id || undefined}>
                        <summary>{a.revokeSummary(s.signerName)}</summary>
                        <PostForm aria-labelledby={`revoke-${s.id}`}>
                          <p id={`revoke-${s.id}`}>{a.revokeIntro}</p>
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="signatureId" value={s.id} />
                          <TextArea
                            name="reason"
                            idPrefix={`revoke-${s.id}`}
                            label={a.revokeReason}
                            required
                            rows={2}
                            defaultValue={failedRevoke?.values.signatureId === s.id ? failedRevoke.values.reason : ''}
                            error={failedRevoke?.values.signatureId === s.id ? failedRevoke.fieldErrors.reason : undefined}
                          />
                          <SubmitButton variant="danger">{a.revoke}</SubmitButton>
                        </PostForm>
                      </details>
                    )}
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
          <PostForm className="card" aria-labelledby="sign-h" encType="multipart/form-data">
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
            <FileField name="scan" label={a.scan} hint={a.scanHint(v.maxScanMb)} accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg" error={failed?.fieldErrors.scan} />
            <p className="hash-confirm">
              <strong>{a.confirmHash(version.sha256)}</strong>
            </p>
            <SubmitButton>{a.sign}</SubmitButton>
          </PostForm>
        )}
      </section>
    </div>
  );
}
