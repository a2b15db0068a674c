import { getSectionForEdit, previewSection, updateSection, type Section } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-section-edit';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, Notice, PostForm, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getSectionForEdit(ctxOf(context), params.id, params.sectionId));
}

/**
 * Two submit buttons: "Preview" renders the unsaved text and keeps it in the form; "Save" saves it. Works
 * without JavaScript. A stale save comes back as a conflict with the current text, and the user's text kept.
 */
export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const ctx = ctxOf(context);
  const lang = langOf(request);
  if (values.intent === 'preview') {
    const res = await attempt(lang, values, () => previewSection(ctx, params.id, values));
    if (!res.ok) return res.response;
    return { ok: true as const, intent: 'preview' as const, preview: res.result, values };
  }
  const res = await attempt(lang, values, () => updateSection(ctx, params.sectionId, values));
  if (!res.ok) return res.response;
  return { ok: true as const, intent: 'save' as const, preview: null, values: null };
}

function TextBlock({ title, heading, body, lang }: { title: string; heading: string; body: string; lang: 'fi' | 'sv' }) {
  return (
    <div>
      <h4>{title}</h4>
      <p lang={lang}>
        <strong>{heading || '–'}</strong>
      </p>
      <pre className="source-text" lang={lang}>
        {body || '–'}
      </pre>
    </div>
  );
}

export default function SectionEditPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, href } = useI18n();
  const { agreement, section, needsSwedish } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const preview = actionData?.ok && actionData.intent === 'preview' ? actionData : undefined;
  const isConflict = failed?.code === 'agreements.section_edited_by_someone_else';
  const theirs = isConflict ? ((failed!.details?.current as Section | null | undefined) ?? null) : undefined;
  const v: Record<string, string> =
    failed?.values ?? preview?.values ?? { headingFi: section.heading.fi, headingSv: section.heading.sv, bodyFi: section.body.fi, bodySv: section.body.sv };
  // After a conflict the form carries the current version number: saving again is a knowing overwrite.
  const rowVersion = theirs ? theirs.rowVersion : v.rowVersion ? Number(v.rowVersion) : section.rowVersion;
  const labels = { headingFi: t.agreements.headingFi, headingSv: t.agreements.headingSv, bodyFi: t.agreements.bodyFi, bodySv: t.agreements.bodySv };
  const title = t.agreements.sectionEditTitle(section.heading.fi);
  return (
    <div className="page">
      <title>{`${title} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/agreements/${agreement.id}`)}>{agreement.title.fi}</a> › <a href={href(`/agreements/${agreement.id}/sections`)}>{t.agreements.sectionsTitle}</a>
      </nav>
      <h1>{title}</h1>
      {actionData?.ok && actionData.intent === 'save' && <Notice>{t.agreements.sectionSaved}</Notice>}
      {failed && <ErrorSummary message={failed.message} fieldErrors={failed.fieldErrors} labels={labels} />}

      {theirs !== undefined && (
        <section className="card conflict" aria-labelledby="conflict-h">
          <h2 id="conflict-h">{t.errors['agreements.section_edited_by_someone_else']}</h2>
          {theirs === null ? (
            <p>{t.agreements.conflictGone}</p>
          ) : (
            <>
              <p>{t.agreements.conflictHelp}</p>
              <div className="compare-columns">
                <div>
                  <h3>{t.agreements.conflictTheirs}</h3>
                  <TextBlock title={t.agreements.inFinnish} heading={theirs.heading.fi} body={theirs.body.fi} lang="fi" />
                  <TextBlock title={t.agreements.inSwedish} heading={theirs.heading.sv} body={theirs.body.sv} lang="sv" />
                </div>
                <div>
                  <h3>{t.agreements.conflictYours}</h3>
                  <TextBlock title={t.agreements.inFinnish} heading={v.headingFi ?? ''} body={v.bodyFi ?? ''} lang="fi" />
                  <TextBlock title={t.agreements.inSwedish} heading={v.headingSv ?? ''} body={v.bodySv ?? ''} lang="sv" />
                </div>
              </div>
            </>
          )}
        </section>
      )}

      {preview && (
        <section className="card preview" aria-labelledby="preview-h">
          <h2 id="preview-h">{t.agreements.previewHeading}</h2>
          <p className="muted">{t.agreements.previewNote}</p>
          <div className="compare-columns">
            <div lang="fi">
              <h3>{preview.preview.heading.fi}</h3>
              <div className="agreement-text" dangerouslySetInnerHTML={{ __html: preview.preview.html.fi }} />
            </div>
            <div lang="sv">
              <h3>{preview.preview.heading.sv || '–'}</h3>
              <div className="agreement-text" dangerouslySetInnerHTML={{ __html: preview.preview.html.sv }} />
            </div>
          </div>
        </section>
      )}

      <PostForm>
        <input type="hidden" name="rowVersion" value={rowVersion} />
        <fieldset>
          <legend>{t.agreements.inFinnish}</legend>
          <TextField name="headingFi" label={labels.headingFi} required defaultValue={v.headingFi} error={failed?.fieldErrors.headingFi} />
          <TextArea name="bodyFi" label={labels.bodyFi} hint={t.agreements.bodyHint} rows={14} defaultValue={v.bodyFi} error={failed?.fieldErrors.bodyFi} />
        </fieldset>
        <fieldset>
          <legend>{t.agreements.inSwedish}</legend>
          <TextField name="headingSv" label={labels.headingSv} hint={needsSwedish ? t.agreements.swedishNeededHint : undefined} defaultValue={v.headingSv} error={failed?.fieldErrors.headingSv} />
          <TextArea name="bodySv" label={labels.bodySv} rows={14} defaultValue={v.bodySv} error={failed?.fieldErrors.bodySv} />
        </fieldset>
        <div className="actions">
          <SubmitButton name="intent" value="save">
            {t.common.save}
          </SubmitButton>
          <SubmitButton name="intent" value="preview" variant="secondary">
            {t.agreements.preview}
          </SubmitButton>
          <a href={href(`/agreements/${agreement.id}/sections`)}>{t.agreements.backToSections}</a>
        </div>
      </PostForm>
    </div>
  );
}
