import { addArea, getAgreementForEdit, removeArea, updateArea, type Area } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-areas';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, Notice, PostForm, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { attempt, formValues, readForm, type FormFailure } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getAgreementForEdit(ctxOf(context), params.id));
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const ctx = ctxOf(context);
  const res = await attempt(langOf(request), values, async () => {
    if (values.intent === 'remove') return removeArea(ctx, values.areaId ?? '', values);
    if (values.intent === 'update') return updateArea(ctx, values.areaId ?? '', values).then(() => undefined);
    return addArea(ctx, params.id, values).then(() => undefined);
  });
  if (!res.ok) return res.response;
  return { ok: true as const };
}

/** Field names with the form's prefix, so the error summary links to the right form's fields. */
const prefixed = (o: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}-${k}`, v]));

const FIELDS = ['nameFi', 'nameSv', 'descriptionFi', 'descriptionSv', 'countySideFi', 'countySideSv', 'municipalSideFi', 'municipalSideSv', 'regionalCouncilSideFi', 'regionalCouncilSideSv'] as const;

const valuesOf = (a: Area): Record<string, string> => ({
  nameFi: a.name.fi,
  nameSv: a.name.sv,
  descriptionFi: a.description.fi,
  descriptionSv: a.description.sv,
  countySideFi: a.countySide.fi,
  countySideSv: a.countySide.sv,
  municipalSideFi: a.municipalSide.fi,
  municipalSideSv: a.municipalSide.sv,
  regionalCouncilSideFi: a.regionalCouncilSide.fi,
  regionalCouncilSideSv: a.regionalCouncilSide.sv,
  position: String(a.position),
});

function useAreaLabels(): Record<(typeof FIELDS)[number], string> {
  const { t } = useI18n();
  const a = t.agreements;
  return {
    nameFi: a.areaNameFi,
    nameSv: a.areaNameSv,
    descriptionFi: a.descriptionFi,
    descriptionSv: a.descriptionSv,
    countySideFi: a.countySideFi,
    countySideSv: a.countySideSv,
    municipalSideFi: a.municipalSideFi,
    municipalSideSv: a.municipalSideSv,
    regionalCouncilSideFi: a.regionalCouncilSideFi,
    regionalCouncilSideSv: a.regionalCouncilSideSv,
  };
}

function AreaFields({ v, failed, idPrefix }: { v: Record<string, string>; failed?: FormFailure; idPrefix: string }) {
  const { t } = useI18n();
  const labels = useAreaLabels();
  const label = (f: (typeof FIELDS)[number]) => labels[f];
  return (
    <>
      {FIELDS.map((f) =>
        f.startsWith('description') ? (
          <TextArea key={f} idPrefix={idPrefix} name={f} label={label(f)} hint={f === 'descriptionFi' ? t.agreements.bodyHint : undefined} defaultValue={v[f]} error={failed?.fieldErrors[f]} rows={5} />
        ) : (
          <TextField key={f} idPrefix={idPrefix} name={f} label={label(f)} required={f === 'nameFi'} defaultValue={v[f]} error={failed?.fieldErrors[f]} />
        ),
      )}
      {idPrefix !== 'new' && <TextField idPrefix={idPrefix} name="position" type="number" inputMode="numeric" label={t.agreements.position} defaultValue={v.position} error={failed?.fieldErrors.position} />}
    </>
  );
}

export default function AgreementAreasPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, href } = useI18n();
  const { agreement, areas } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const failedId = failed?.values.areaId;
  const current = failed?.code === 'agreements.edited_by_someone_else' ? (failed.details?.current as Area | null | undefined) : undefined;
  const labels: Record<string, string> = useAreaLabels();
  return (
    <div className="page">
      <title>{`${t.agreements.areasTitle} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/agreements/${agreement.id}`)}>{agreement.title.fi}</a>
      </nav>
      <h1>{t.agreements.areasTitle}</h1>
      <p className="lead">{t.agreements.areasIntro}</p>
      {actionData?.ok && <Notice>{t.common.saved}</Notice>}
      {failed && (
        <ErrorSummary
          message={failed.message}
          fieldErrors={prefixed(failed.fieldErrors, failedId ?? 'new')}
          labels={prefixed({ ...labels, position: t.agreements.position }, failedId ?? 'new')}
        />
      )}
      {areas.length === 0 && <p>{t.agreements.noAreas}</p>}
      <ol className="edit-list">
        {areas.map((a) => {
          const mine = failedId === a.id && failed?.values.intent === 'update';
          const v = mine ? failed!.values : valuesOf(a);
          return (
            <li key={a.id}>
              <details open={mine || undefined}>
                <summary>
                  {a.name.fi}
                  {a.name.sv && <span lang="sv"> / {a.name.sv}</span>}
                </summary>
                {mine && current && (
                  <dl className="facts conflict">
                    {FIELDS.map((f) => (
                      <div key={f}>
                        <dt>{labels[f]}</dt>
                        <dd>{valuesOf(current)[f] || '–'}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                <PostForm aria-labelledby={`edit-${a.id}`}>
                  <h2 id={`edit-${a.id}`} className="visually-hidden">
                    {t.agreements.editArea(a.name.fi)}
                  </h2>
                  <input type="hidden" name="intent" value="update" />
                  <input type="hidden" name="areaId" value={a.id} />
                  <input type="hidden" name="rowVersion" value={mine && current ? current.rowVersion : a.rowVersion} />
                  <AreaFields v={v} failed={mine ? failed : undefined} idPrefix={a.id} />
                  <SubmitButton>{t.common.save}</SubmitButton>
                </PostForm>
                <PostForm className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="areaId" value={a.id} />
                  <input type="hidden" name="rowVersion" value={a.rowVersion} />
                  <button type="submit" className="button button--danger button--small" aria-label={t.agreements.removeArea(a.name.fi)} data-confirm={t.agreements.confirmRemoveArea}>
                    {t.common.remove}
                  </button>
                </PostForm>
              </details>
            </li>
          );
        })}
      </ol>
      <PostForm className="card" aria-labelledby="add-area-h">
        <h2 id="add-area-h">{t.agreements.addArea}</h2>
        <input type="hidden" name="intent" value="add" />
        <AreaFields v={failed?.values.intent === 'add' ? failed.values : {}} failed={failed?.values.intent === 'add' ? failed : undefined} idPrefix="new" />
        <SubmitButton>{t.common.add}</SubmitButton>
      </PostForm>
      <p>
        <a href={href(`/agreements/${agreement.id}`)}>{t.agreements.backToAgreement}</a>
      </p>
    </div>
  );
}
