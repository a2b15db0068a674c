import { addSection, getAgreementForEdit, moveSection, needsSwedish, removeSection, saveRegionTemplate } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-sections';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, Notice, PostForm, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getAgreementForEdit(ctxOf(context), params.id));
}

const INTENTS = ['move', 'remove', 'add', 'save-template'] as const;

/** Reorders, removes and adds sections, or saves them as the region's template (intent tells which). */
export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const ctx = ctxOf(context);
  const intent = INTENTS.find((i) => i === values.intent) ?? 'add';
  const res = await attempt(langOf(request), values, async () => {
    if (intent === 'move') return moveSection(ctx, values.sectionId ?? '', values).then(() => 0);
    if (intent === 'remove') return removeSection(ctx, values.sectionId ?? '', values).then(() => 0);
    if (intent === 'save-template') return (await saveRegionTemplate(ctx, params.id)).sections;
    return addSection(ctx, params.id, values).then(() => 0);
  });
  if (!res.ok) return res.response;
  return { ok: true as const, intent, count: res.result };
}

export default function AgreementSectionsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, href } = useI18n();
  const { agreement, sections, regionParties } = loaderData;
  const bilingual = needsSwedish(regionParties.filter((p) => agreement.partyIds.includes(p.id)));
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const addFailed = failed?.values.intent === 'add' ? failed : undefined;
  const labels = { headingFi: t.agreements.headingFi, headingSv: t.agreements.headingSv, bodyFi: t.agreements.bodyFi, bodySv: t.agreements.bodySv };
  const done =
    actionData?.ok &&
    (actionData.intent === 'save-template'
      ? t.agreements.templateSaved(actionData.count)
      : actionData.intent === 'add'
        ? t.agreements.sectionAdded
        : actionData.intent === 'remove'
          ? t.agreements.sectionRemoved
          : t.common.saved);
  return (
    <div className="page">
      <title>{`${t.agreements.sectionsTitle} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/agreements/${agreement.id}`)}>{agreement.title.fi}</a>
      </nav>
      <h1>{t.agreements.sectionsTitle}</h1>
      <p className="lead">{t.agreements.sectionsIntro}</p>
      {done && <Notice>{done}</Notice>}
      {failed && !addFailed && <ErrorSummary message={failed.message} />}
      <table className="table">
        <caption className="visually-hidden">{t.agreements.sectionsTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.agreements.colPosition}</th>
            <th scope="col">{t.agreements.colHeading}</th>
            {bilingual && <th scope="col">{t.agreements.colSwedish}</th>}
            <th scope="col">{t.agreements.colActions}</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((s, i) => {
            const lacks = !s.heading.sv.trim() || (s.body.fi.trim() !== '' && !s.body.sv.trim());
            return (
              <tr key={s.id}>
                <td>{i + 1}</td>
                <th scope="row">
                  <a href={href(`/agreements/${agreement.id}/sections/${s.id}`)}>{s.heading.fi}</a>
                  {s.heading.sv && (
                    <span lang="sv" className="muted">
                      {' '}
                      / {s.heading.sv}
                    </span>
                  )}
                </th>
                {bilingual && <td>{lacks ? <strong>{t.agreements.swedishMissing}</strong> : t.agreements.swedishDone}</td>}
                <td className="row-actions">
                  {i > 0 && (
                    <PostForm className="inline-form">
                      <input type="hidden" name="intent" value="move" />
                      <input type="hidden" name="sectionId" value={s.id} />
                      <input type="hidden" name="direction" value="up" />
                      <button type="submit" className="button button--secondary button--small" aria-label={t.agreements.moveUp(s.heading.fi)}>
                        {t.agreements.up}
                      </button>
                    </PostForm>
                  )}
                  {i < sections.length - 1 && (
                    <PostForm className="inline-form">
                      <input type="hidden" name="intent" value="move" />
                      <input type="hidden" name="sectionId" value={s.id} />
                      <input type="hidden" name="direction" value="down" />
                      <button type="submit" className="button button--secondary button--small" aria-label={t.agreements.moveDown(s.heading.fi)}>
                        {t.agreements.down}
                      </button>
                    </PostForm>
                  )}
                  <PostForm className="inline-form">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="sectionId" value={s.id} />
                    <input type="hidden" name="rowVersion" value={s.rowVersion} />
                    <button
                      type="submit"
                      className="button button--danger button--small"
                      aria-label={t.agreements.removeSection(s.heading.fi)}
                      data-confirm={t.agreements.confirmRemoveSection}
                    >
                      {t.common.remove}
                    </button>
                  </PostForm>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <PostForm className="card" aria-labelledby="add-h">
        <h2 id="add-h">{t.agreements.addSectionHeading}</h2>
        {addFailed && <ErrorSummary message={addFailed.message} fieldErrors={addFailed.fieldErrors} labels={labels} />}
        <input type="hidden" name="intent" value="add" />
        <TextField name="headingFi" label={labels.headingFi} required defaultValue={addFailed?.values.headingFi} error={addFailed?.fieldErrors.headingFi} />
        <TextField name="headingSv" label={labels.headingSv} defaultValue={addFailed?.values.headingSv} error={addFailed?.fieldErrors.headingSv} />
        <TextArea name="bodyFi" label={labels.bodyFi} hint={t.agreements.bodyHint} defaultValue={addFailed?.values.bodyFi} error={addFailed?.fieldErrors.bodyFi} />
        <TextArea name="bodySv" label={labels.bodySv} defaultValue={addFailed?.values.bodySv} error={addFailed?.fieldErrors.bodySv} />
        <SubmitButton>{t.common.add}</SubmitButton>
      </PostForm>

      <PostForm className="card" aria-labelledby="tpl-h">
        <h2 id="tpl-h">{t.agreements.saveTemplateHeading}</h2>
        <p>{t.agreements.saveTemplateIntro}</p>
        <input type="hidden" name="intent" value="save-template" />
        <SubmitButton variant="secondary">{t.agreements.saveTemplate}</SubmitButton>
      </PostForm>
      <p>
        <a href={href(`/agreements/${agreement.id}`)}>{t.agreements.backToAgreement}</a>
      </p>
    </div>
  );
}
