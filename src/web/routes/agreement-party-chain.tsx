import { getPartyApproval, saveApprovalChain, STEP_ROLES } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-party-chain';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, Notice, PostForm, SelectField, SubmitButton, TextField } from '../components/forms.tsx';
import { PartyApprovalNav } from '../components/party-approval-nav.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getPartyApproval(ctxOf(context), params.id, params.partyId));
}

/** Saves the party's approval chain and the number of signatures it gives. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const res = await attempt(langOf(request), values, () => saveApprovalChain(ctxOf(context), params.id, params.partyId, values));
  if (!res.ok) return res.response;
  return { ok: true as const };
}

const OPEN = ['draft', 'comment_round', 'in_approval'];

export default function AgreementPartyChainPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang } = useI18n();
  const a = t.agreements.approval;
  const v = loaderData;
  const name = v.approval.party.name[lang];
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const chain = v.approval.chain;
  const hasDecisionsOnVersion = !!v.approvalVersion && v.approval.decisions.some((d) => d.versionId === v.approvalVersion!.id);
  const editable = v.actions.includes('approval.edit_chain') && OPEN.includes(v.agreement.status) && !hasDecisionsOnVersion;
  const rows = Array.from({ length: Math.min(8, Math.max(4, chain.length + 2)) }, (_, n) => n);
  const bodyOptions = [
    { value: '', label: a.stepBodyNone },
    ...v.approval.bodies.map((b) => ({ value: b.id, label: b.name[lang] || b.name.fi })),
    { value: 'other', label: a.stepBodyOther },
  ];
  const initial = (n: number) => {
    const s = chain[n];
    if (!s) return { body: '', nameFi: '', nameSv: '', role: '' };
    const own = s.bodyId && v.approval.bodies.some((b) => b.id === s.bodyId);
    return { body: own ? s.bodyId! : 'other', nameFi: own ? '' : s.body.fi, nameSv: own ? '' : s.body.sv, role: s.role };
  };
  const val = (n: number, k: 'body' | 'nameFi' | 'nameSv' | 'role') => failed?.values[`steps.${n}.${k}`] ?? initial(n)[k];
  const labels: Record<string, string> = { steps: a.chainSummary, requiredSignatures: a.requiredSignatures };
  for (const n of rows) {
    labels[`steps.${n}.body`] = `${a.stepLegend(n + 1)}: ${a.stepBody}`;
    labels[`steps.${n}.nameFi`] = `${a.stepLegend(n + 1)}: ${a.stepNameFi}`;
    labels[`steps.${n}.role`] = `${a.stepLegend(n + 1)}: ${a.stepRole}`;
  }
  return (
    <div className="page">
      <title>{`${a.chainTitle(name)} – ${t.common.appName}`}</title>
      <PartyApprovalNav view={v} current="chain" />
      <h1>{a.chainTitle(name)}</h1>
      <p className="lead">{a.chainIntro}</p>
      {actionData?.ok && <Notice>{a.chainSaved}</Notice>}
      {v.approval.chainIsDefault && <p className="notice notice--info">{a.chainDefault}</p>}

      {!editable ? (
        <>
          {v.actions.includes('approval.edit_chain') && <p className="notice notice--warning">{a.chainLocked}</p>}
          <ol>
            {chain.map((s) => (
              <li key={s.position}>
                {lang === 'sv' && s.body.sv ? s.body.sv : s.body.fi} – {a.roles[s.role]}
              </li>
            ))}
          </ol>
          <p>{a.requiredSignaturesValue(v.approval.requiredSignatures)}</p>
        </>
      ) : (
        <PostForm className="card">
          <ErrorSummary message={failed?.message} fieldErrors={failed?.fieldErrors} labels={labels} />
          <input type="hidden" name="rowVersion" value={v.approval.settingsVersion} />
          <p className="field__hint">{a.bodiesHint}</p>
          {failed?.fieldErrors.steps && (
            <p className="field__error" id="f-steps">
              {failed.fieldErrors.steps}
            </p>
          )}
          {rows.map((n) => (
            <fieldset key={n} className="step-row">
              <legend>{a.stepLegend(n + 1)}</legend>
              <SelectField name={`steps.${n}.body`} label={a.stepBody} defaultValue={val(n, 'body')} error={failed?.fieldErrors[`steps.${n}.body`]} options={bodyOptions} />
              <TextField name={`steps.${n}.nameFi`} label={a.stepNameFi} defaultValue={val(n, 'nameFi')} error={failed?.fieldErrors[`steps.${n}.nameFi`]} />
              <TextField name={`steps.${n}.nameSv`} label={a.stepNameSv} defaultValue={val(n, 'nameSv')} />
              <SelectField
                name={`steps.${n}.role`}
                label={a.stepRole}
                defaultValue={val(n, 'role')}
                error={failed?.fieldErrors[`steps.${n}.role`]}
                options={[{ value: '', label: a.stepRoleNone }, ...STEP_ROLES.map((r) => ({ value: r, label: a.roleOptions[r] }))]}
              />
            </fieldset>
          ))}
          <TextField
            name="requiredSignatures"
            type="number"
            label={a.requiredSignatures}
            hint={a.requiredSignaturesHint}
            required
            defaultValue={failed?.values.requiredSignatures ?? String(v.approval.requiredSignatures)}
            error={failed?.fieldErrors.requiredSignatures}
          />
          <SubmitButton>{a.saveChain}</SubmitButton>
        </PostForm>
      )}
    </div>
  );
}
