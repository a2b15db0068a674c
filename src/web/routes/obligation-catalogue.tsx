import { getObligationCatalogue, updateCatalogueEntry } from '#modules/obligations/index.ts';
import type { Route } from './+types/obligation-catalogue';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, Notice, PostForm, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { ObligationFacts } from '../components/obligation-parts.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { publicPageHeaders } from '../public-page.ts';
import { langOf, load } from '../run.server.ts';

/** For anonymous visitors the catalogue has no forms and depends only on the data. */
export const headers = publicPageHeaders;

export async function loader({ context, request }: Route.LoaderArgs) {
  return load(request, () => getObligationCatalogue(ctxOf(context)));
}

/** A platform administrator saves one entry's texts. */
export async function action({ context, request }: Route.ActionArgs) {
  const values = formValues(await readForm(request, context));
  const res = await attempt(langOf(request), values, () => updateCatalogueEntry(ctxOf(context), values.code ?? '', values));
  if (!res.ok) return res.response;
  return { ok: true as const };
}

export default function ObligationCataloguePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, href } = useI18n();
  const ob = t.obligations;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const failedCode = failed?.values.code ?? '';
  const labels = { law: ob.law, finlexUrl: ob.finlexUrl, quote: ob.quote, source: ob.source };
  const prefixed = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, x]) => [`${failedCode}-${k}`, x]));
  return (
    <div className="page">
      <title>{`${ob.catalogueTitle} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href('/')}>{t.common.nav.home}</a> › <a href={href('/obligations')}>{ob.nationalTitle}</a>
      </nav>
      <h1>{ob.catalogueTitle}</h1>
      <p className="lead">{ob.catalogueIntro}</p>
      <p>{ob.catalogueVersion({ version: loaderData.version })}</p>
      {actionData?.ok && <Notice>{ob.savedEntry}</Notice>}
      {failed && <ErrorSummary message={failed.message} fieldErrors={prefixed(failed.fieldErrors)} labels={prefixed(labels)} />}
      {loaderData.obligations.map((o) => {
        const v = failedCode === o.code ? failed?.values : undefined;
        const e = failedCode === o.code ? failed?.fieldErrors : undefined;
        return (
          <section key={o.code} aria-labelledby={`entry-${o.code}`}>
            <h2 id={`entry-${o.code}`}>{ob.obligation[o.code].title}</h2>
            <ObligationFacts o={o} />
            {loaderData.canEdit && (
              <details open={v !== undefined}>
                <summary>{ob.editEntry}</summary>
                <PostForm aria-labelledby={`entry-${o.code}`}>
                  <input type="hidden" name="code" value={o.code} />
                  <input type="hidden" name="rowVersion" value={String(o.rowVersion)} />
                  <TextField idPrefix={o.code} name="law" label={ob.law} required defaultValue={v?.law ?? o.law} error={e?.law} />
                  <TextField idPrefix={o.code} name="finlexUrl" type="url" label={ob.finlexUrl} defaultValue={v?.finlexUrl ?? o.finlexUrl ?? ''} error={e?.finlexUrl} />
                  <TextArea idPrefix={o.code} name="quote" label={ob.quote} rows={4} defaultValue={v?.quote ?? o.quote ?? ''} error={e?.quote} />
                  <TextField idPrefix={o.code} name="source" label={ob.source} required defaultValue={v?.source ?? o.source} error={e?.source} />
                  <SubmitButton>{ob.saveEntry}</SubmitButton>
                </PostForm>
              </details>
            )}
          </section>
        );
      })}
    </div>
  );
}
