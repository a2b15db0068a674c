import { redirect } from 'react-router';
import { submitAccessibilityFeedback } from '#modules/feedback/index.ts';
import { href as hrefIn } from '#i18n/index.ts';
import type { Route } from './+types/accessibility';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, Notice, PostForm, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf } from '../run.server.ts';

/** Contact details of the supervisory authority as published in the national model statement. */
const SUPERVISOR = { web: 'https://www.saavutettavuusvaatimukset.fi', email: 'saavutettavuus@avi.fi', phone: '0295 016 000' };

/** The page the visitor came from (same site only) is offered as what the feedback is about. */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  let fromPage = url.searchParams.get('page') ?? '';
  const referer = request.headers.get('referer');
  if (!fromPage && referer) {
    try {
      const r = new URL(referer);
      if (r.host === url.host && !/\/accessibility$/.test(r.pathname)) fromPage = r.pathname;
    } catch {
      // not a URL: ignore
    }
  }
  return { sent: url.searchParams.get('sent') === '1', fromPage: fromPage.slice(0, 500) };
}

/** Anyone may send feedback; the form works without JavaScript and carries the CSRF token like every form. */
export async function action({ context, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const lang = langOf(request);
  const res = await attempt(lang, values, () => submitAccessibilityFeedback(ctxOf(context), { ...values, lang }));
  if (!res.ok) return res.response;
  return redirect(hrefIn(lang, '/accessibility?sent=1#feedback-h'));
}

export default function AccessibilityPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const s = t.a11y;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const v = failed?.values ?? { pageUrl: loaderData.fromPage };
  const labels = { name: s.form.name, email: s.form.email, pageUrl: s.form.pageUrl, message: s.form.message };
  return (
    <div className="page page--text">
      <title>{`${s.title} – ${t.common.appName}`}</title>
      <h1>{s.title}</h1>
      {s.intro.map((p) => (
        <p key={p}>{p}</p>
      ))}

      <h2>{s.statusTitle}</h2>
      <p>
        <strong>{s.status}</strong>
      </p>
      {s.statusDetails.map((p) => (
        <p key={p}>{p}</p>
      ))}

      <h2>{s.shortcomingsTitle}</h2>
      <ul>
        {s.shortcomings.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>

      <h2>{s.assessmentTitle}</h2>
      {s.assessment.map((p) => (
        <p key={p}>{p}</p>
      ))}

      <h2>{s.statedTitle}</h2>
      <p>{s.stated(date(s.statedOn))}</p>

      <h2>{s.feedbackTitle}</h2>
      {s.feedbackText.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <p>
        <a href="#feedback-h">{s.form.title}</a>
      </p>

      <h2>{s.supervisorTitle}</h2>
      {s.supervisor.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <h3>{s.supervisorContactTitle}</h3>
      <p>{s.supervisorName}</p>
      <dl className="facts">
        <div>
          <dt>{s.supervisorWeb}</dt>
          <dd>
            <a href={SUPERVISOR.web}>{SUPERVISOR.web.replace('https://', '')}</a>
          </dd>
        </div>
        <div>
          <dt>{s.supervisorEmail}</dt>
          <dd>
            <a href={`mailto:${SUPERVISOR.email}`}>{SUPERVISOR.email}</a>
          </dd>
        </div>
        <div>
          <dt>{s.supervisorPhone}</dt>
          <dd>{SUPERVISOR.phone}</dd>
        </div>
      </dl>

      <section aria-labelledby="feedback-h" className="card">
        <h2 id="feedback-h" tabIndex={-1}>
          {s.form.title}
        </h2>
        {loaderData.sent && !failed && <Notice>{s.form.sent}</Notice>}
        <p>{s.form.intro}</p>
        {failed && <ErrorSummary message={failed.message} fieldErrors={failed.fieldErrors} labels={labels} />}
        <PostForm>
          <TextField name="name" label={s.form.name} autoComplete="name" defaultValue={v.name} error={failed?.fieldErrors.name} />
          <TextField name="email" type="email" label={s.form.email} hint={s.form.emailHint} autoComplete="email" defaultValue={v.email} error={failed?.fieldErrors.email} />
          <TextField name="pageUrl" label={s.form.pageUrl} hint={s.form.pageUrlHint} defaultValue={v.pageUrl} error={failed?.fieldErrors.pageUrl} />
          <TextArea name="message" label={s.form.message} hint={s.form.messageHint} required rows={8} defaultValue={v.message} error={failed?.fieldErrors.message} />
          <SubmitButton>{s.form.send}</SubmitButton>
        </PostForm>
      </section>
    </div>
  );
}
