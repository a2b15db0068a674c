import {
  ANSWERS,
  answerInvitation,
  cancelMeeting,
  changeMeetingState,
  getMeeting,
  nominateInvitee,
  recordAttendance,
  takesAttendance,
  sendInvitations,
  STATE_TRANSITIONS,
  updateMeeting,
  type Meeting,
} from '#modules/forums/index.ts';
import type { Route } from './+types/meeting';
import { ctxOf } from '../app-context.ts';
import { CheckboxList } from '../components/choice-lists.tsx';
import { ErrorSummary, Notice, PostForm, SelectField, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { MeetingFacts, MeetingFields, meetingForm, meetingValues, useForumLabels } from '../components/forum-forms.tsx';
import { MeetingRecordSection } from '../components/meeting-record-section.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getMeeting(ctxOf(context), params.id));
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const raw = formValues(form);
  const ctx = ctxOf(context);
  const { input, values }: { input: Record<string, unknown>; values: Record<string, string> } =
    raw.intent === 'update'
      ? meetingForm(form, raw)
      : raw.intent === 'attendance'
        ? { input: { ...raw, partyIds: form.getAll('partyIds') }, values: { ...raw, partyIds: form.getAll('partyIds').join(',') } }
        : { input: raw, values: raw };
  const res = await attempt(langOf(request), values, async (): Promise<{ sent?: number }> => {
    switch (values.intent) {
      case 'send':
        return { sent: (await sendInvitations(ctx, params.id, input)).mailed };
      case 'update':
        await updateMeeting(ctx, params.id, input);
        return {};
      case 'cancel':
        await cancelMeeting(ctx, params.id, input);
        return {};
      case 'state':
        await changeMeetingState(ctx, params.id, input);
        return {};
      case 'attendance':
        await recordAttendance(ctx, params.id, input);
        return {};
      case 'nominate':
        await nominateInvitee(ctx, params.id, input);
        return {};
      case 'answer':
        await answerInvitation(ctx, values.inviteeId ?? '', input);
        return {};
      default:
        return {};
    }
  });
  if (!res.ok) return res.response;
  return { ok: true as const, intent: values.intent ?? '', sent: res.result.sent };
}

const prefixed = (o: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}-${k}`, v]));

export default function MeetingPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href, dateTime } = useI18n();
  const { meeting, forum, permittedActions, invitees, nominateFor, mine, parties } = loaderData;
  const f = t.forums;
  const labels = useForumLabels();
  const manage = permittedActions.includes('forum.manage');
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const intent = failed?.values.intent ?? '';
  const current = failed?.code === 'forums.meeting_edited_by_someone_else' ? (failed.details?.current as Meeting | null | undefined) : undefined;
  const title = lang === 'sv' && meeting.title.sv ? meeting.title.sv : meeting.title.fi;
  const forumName = lang === 'sv' && forum.name.sv ? forum.name.sv : forum.name.fi;
  const partyName = (id: string | null) => parties.find((p) => p.id === id)?.name[lang] ?? '';
  const upcoming = meeting.state === 'planned' || meeting.state === 'invited';
  const people = invitees.filter((i) => i.email);
  const count = (a: string) => people.filter((i) => i.answer === a).length;
  return (
    <div className="page">
      <title>{`${title} – ${forumName} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/regions/${forum.countyCode}/forums`)}>{f.regionTitle}</a> › <a href={href(`/forums/${forum.id}`)}>{forumName}</a>
      </nav>
      <h1>{`${forumName}: ${title}`}</h1>
      {actionData?.ok && <Notice>{actionData.sent !== undefined ? f.sentNotice(actionData.sent) : actionData.intent === 'answer' ? f.answeredNotice : t.common.saved}</Notice>}
      {failed && <ErrorSummary message={failed.message} fieldErrors={prefixed(failed.fieldErrors, intent)} labels={prefixed(labels, intent)} />}
      {meeting.state === 'cancelled' && <p className="notice notice--warning">{f.cancelledBecause(meeting.changeReason)}</p>}
      <MeetingFacts meeting={meeting} full />
      {meeting.changeReason && meeting.state !== 'cancelled' && <p>{f.changeReasonLine(meeting.changeReason)}</p>}
      <MeetingRecordSection meeting={meeting} record={loaderData.record} parties={parties} manage={manage} />

      {mine.map((i) => (
        <section key={i.id} aria-labelledby={`answer-${i.id}`}>
          <h2 id={`answer-${i.id}`}>{f.yourAnswer}</h2>
          <p>{f.currentAnswer(f.answers[i.answer])}</p>
          {upcoming && <AnswerForm inviteeId={i.id} rowVersion={i.rowVersion} answer={i.answer} deputyName={i.deputyName} failed={intent === 'answer' ? failed : undefined} />}
        </section>
      ))}

      {(manage || invitees.length > 0) && (
        <section aria-labelledby="invitees">
          <h2 id="invitees">{f.invitees}</h2>
          {invitees.length === 0 ? (
            <p className="muted">{f.noInvitees}</p>
          ) : (
            <>
              {manage && <p>{f.answerSummary(count('yes'), count('no'), count('deputy'), count('pending'))}</p>}
              <table className="table">
                <caption className="visually-hidden">{f.invitees}</caption>
                <thead>
                  <tr>
                    <th scope="col">{f.personName}</th>
                    <th scope="col">{f.party}</th>
                    <th scope="col">{f.answer}</th>
                  </tr>
                </thead>
                <tbody>
                  {invitees.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">{i.personName ?? f.invitedParty}</th>
                      <td>
                        {partyName(i.partyId)}
                        {i.nominatedByPartyId && ` (${f.nominatedBy(partyName(i.nominatedByPartyId))})`}
                      </td>
                      <td>
                        {i.email ? f.answers[i.answer] : '–'}
                        {i.answer === 'deputy' && ` – ${f.deputyLine(i.deputyName)}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}

      {nominateFor.map((partyId) => (
        <section key={partyId} aria-labelledby={`nominate-${partyId}`}>
          <h2 id={`nominate-${partyId}`}>{f.nominateFor(partyName(partyId))}</h2>
          <PostForm aria-labelledby={`nominate-${partyId}`}>
            <input type="hidden" name="intent" value="nominate" />
            <input type="hidden" name="partyId" value={partyId} />
            <TextField idPrefix="nominate" name="personName" label={f.personName} required defaultValue={intent === 'nominate' ? failed?.values.personName : ''} error={intent === 'nominate' ? failed?.fieldErrors.personName : undefined} />
            <TextField idPrefix="nominate" name="email" type="email" label={f.email} required defaultValue={intent === 'nominate' ? failed?.values.email : ''} error={intent === 'nominate' ? failed?.fieldErrors.email : undefined} />
            <SubmitButton>{f.nominateButton}</SubmitButton>
          </PostForm>
        </section>
      ))}

      {manage && upcoming && (
        <>
          <section aria-labelledby="send">
            <h2 id="send">{f.invitations}</h2>
            <p>{f.sendInvitationsHint}</p>
            <PostForm aria-labelledby="send">
              <input type="hidden" name="intent" value="send" />
              <input type="hidden" name="rowVersion" value={String(meeting.rowVersion)} />
              <SubmitButton>{f.sendInvitations}</SubmitButton>
            </PostForm>
          </section>
          <section aria-labelledby="edit">
            <h2 id="edit">{f.editMeeting}</h2>
            {current && (
              <Notice>
                {f.currentValues}: {f.whenValue(dateTime(current.startsAt), dateTime(current.endsAt))} · {current.place}
              </Notice>
            )}
            <PostForm aria-labelledby="edit">
              <input type="hidden" name="intent" value="update" />
              <input type="hidden" name="rowVersion" value={String(current?.rowVersion ?? meeting.rowVersion)} />
              <MeetingFields idPrefix="update" v={intent === 'update' ? failed!.values : meetingValues(meeting)} failed={intent === 'update' ? failed : undefined} />
              <TextArea idPrefix="update" name="reason" label={f.reason} hint={f.reasonHint} rows={2} defaultValue={intent === 'update' ? failed?.values.reason : ''} error={intent === 'update' ? failed?.fieldErrors.reason : undefined} />
              <SubmitButton>{f.saveMeeting}</SubmitButton>
            </PostForm>
          </section>
          <section aria-labelledby="cancel">
            <h2 id="cancel">{f.cancelMeeting}</h2>
            <PostForm aria-labelledby="cancel">
              <input type="hidden" name="intent" value="cancel" />
              <input type="hidden" name="rowVersion" value={String(meeting.rowVersion)} />
              <TextArea idPrefix="cancel" name="reason" label={f.cancelReason} required rows={2} defaultValue={intent === 'cancel' ? failed?.values.reason : ''} error={intent === 'cancel' ? failed?.fieldErrors.reason : undefined} />
              <SubmitButton variant="danger">{f.cancelButton}</SubmitButton>
            </PostForm>
          </section>
        </>
      )}
      {(meeting.attendedPartyIds !== null || (manage && takesAttendance(meeting.state))) && (
        <section aria-labelledby="attendance">
          <h2 id="attendance">{f.attendance}</h2>
          {meeting.attendedPartyIds === null ? (
            <p className="muted">{f.noAttendance}</p>
          ) : meeting.attendedPartyIds.length === 0 ? (
            <p>{f.nobodyAttended}</p>
          ) : (
            <ul>
              {parties
                .filter((p) => meeting.attendedPartyIds!.includes(p.id))
                .map((p) => (
                  <li key={p.id}>{p.name[lang]}</li>
                ))}
            </ul>
          )}
          {manage && takesAttendance(meeting.state) && (
            <PostForm aria-labelledby="attendance">
              <input type="hidden" name="intent" value="attendance" />
              <input type="hidden" name="rowVersion" value={String(meeting.rowVersion)} />
              <CheckboxList
                idPrefix="attendance"
                name="partyIds"
                legend={f.attendedParties}
                hint={f.attendanceHint}
                columns
                error={intent === 'attendance' ? failed?.fieldErrors.partyIds : undefined}
                options={parties.map((p) => ({ value: p.id, label: p.name[lang] }))}
                checked={intent === 'attendance' ? (failed!.values.partyIds ?? '').split(',').filter(Boolean) : (meeting.attendedPartyIds ?? [])}
              />
              <SubmitButton>{f.saveAttendance}</SubmitButton>
            </PostForm>
          )}
        </section>
      )}
      {manage && STATE_TRANSITIONS[meeting.state].length > 0 && (
        <section aria-labelledby="state">
          <h2 id="state">{f.moveState}</h2>
          {STATE_TRANSITIONS[meeting.state].map((s) => (
            <PostForm key={s}>
              <input type="hidden" name="intent" value="state" />
              <input type="hidden" name="rowVersion" value={String(meeting.rowVersion)} />
              <input type="hidden" name="state" value={s} />
              <SubmitButton variant="secondary">{f.moveTo(f.states[s])}</SubmitButton>
            </PostForm>
          ))}
        </section>
      )}
    </div>
  );
}

export function AnswerForm(props: {
  inviteeId: string;
  rowVersion: number;
  answer: string;
  deputyName: string;
  token?: string;
  failed?: { values: Record<string, string>; fieldErrors: Record<string, string> };
}) {
  const { t } = useI18n();
  const f = t.forums;
  const v = props.failed?.values;
  return (
    <PostForm>
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="inviteeId" value={props.inviteeId} />
      <input type="hidden" name="rowVersion" value={String(props.rowVersion)} />
      {props.token && <input type="hidden" name="token" value={props.token} />}
      <SelectField
        idPrefix="answer"
        name="answer"
        label={f.answer}
        required
        defaultValue={v?.answer ?? (props.answer === 'pending' ? 'yes' : props.answer)}
        error={props.failed?.fieldErrors.answer}
        options={ANSWERS.map((a) => ({ value: a, label: f.answers[a] }))}
      />
      <TextField idPrefix="answer" name="deputyName" label={f.deputyName} defaultValue={v?.deputyName ?? props.deputyName} error={props.failed?.fieldErrors.deputyName} />
      <SubmitButton>{f.sendAnswer}</SubmitButton>
    </PostForm>
  );
}
