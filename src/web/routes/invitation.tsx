import { answerInvitation, getInvitationByToken } from '#modules/forums/index.ts';
import type { Route } from './+types/invitation';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, Notice } from '../components/forms.tsx';
import { MeetingFacts, useForumLabels } from '../components/forum-forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';
import { AnswerForm } from './meeting.tsx';

/** The page behind the link in an invitation e-mail: the invitee answers without signing in. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getInvitationByToken(ctxOf(context), params.token));
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const res = await attempt(langOf(request), values, () => answerInvitation(ctxOf(context), values.inviteeId ?? '', { ...values, token: params.token }));
  if (!res.ok) return res.response;
  return { ok: true as const };
}

export default function InvitationPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t, lang } = useI18n();
  const { invitee, meeting, forum } = loaderData;
  const f = t.forums;
  const labels = useForumLabels();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const title = lang === 'sv' && meeting.title.sv ? meeting.title.sv : meeting.title.fi;
  const forumName = lang === 'sv' && forum.name.sv ? forum.name.sv : forum.name.fi;
  const upcoming = meeting.state === 'planned' || meeting.state === 'invited';
  return (
    <div className="page">
      <title>{`${f.invitationTitle} – ${t.common.appName}`}</title>
      <h1>{`${f.invitationTitle}: ${forumName}, ${title}`}</h1>
      <p className="lead">{f.invitationIntro(invitee.personName ?? '')}</p>
      {actionData?.ok && <Notice>{f.answeredNotice}</Notice>}
      {failed && <ErrorSummary message={failed.message} fieldErrors={prefixed(failed.fieldErrors)} labels={prefixed(labels)} />}
      {meeting.state === 'cancelled' && <p className="notice notice--warning">{f.cancelledBecause(meeting.changeReason)}</p>}
      <MeetingFacts meeting={meeting} />
      <h2>{f.yourAnswer}</h2>
      <p>{f.currentAnswer(f.answers[invitee.answer])}</p>
      {upcoming && <AnswerForm inviteeId={invitee.id} rowVersion={invitee.rowVersion} answer={invitee.answer} deputyName={invitee.deputyName} token={params.token} failed={failed} />}
    </div>
  );
}

const prefixed = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`answer-${k}`, v]));
