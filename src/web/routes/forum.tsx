import { redirect } from 'react-router';
import { addForumMember, createMeeting, getForum, MEMBER_GROUPS, MEMBER_ROLES, removeForumMember, updateForum, type Forum } from '#modules/forums/index.ts';
import { href } from '#i18n/index.ts';
import type { Route } from './+types/forum';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, Notice, PostForm, SelectField, SubmitButton, TextField } from '../components/forms.tsx';
import { ForumFields, forumValues, MeetingFields, meetingForm, useForumLabels } from '../components/forum-forms.tsx';
import { attempt, formValues, readForm } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getForum(ctxOf(context), params.id));
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const form = await readForm(request, context);
  const values = formValues(form);
  const ctx = ctxOf(context);
  if (values.intent === 'create-meeting') {
    const m = meetingForm(form, values);
    const res = await attempt(langOf(request), m.values, () => createMeeting(ctx, params.id, m.input));
    if (!res.ok) return res.response;
    return redirect(href(langOf(request), `/meetings/${res.result.id}`));
  }
  const res = await attempt(langOf(request), values, async () => {
    switch (values.intent) {
      case 'update':
        return void (await updateForum(ctx, params.id, values));
      case 'add-member':
        return void (await addForumMember(ctx, params.id, values));
      case 'remove-member':
        return removeForumMember(ctx, params.id, values.memberId ?? '');
      default:
        return undefined;
    }
  });
  if (!res.ok) return res.response;
  return { ok: true as const };
}

const prefixed = (o: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}-${k}`, v]));

export default function ForumPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href, date, dateTime } = useI18n();
  const { forum, permittedActions, agreements, parties, region, meetings } = loaderData;
  const f = t.forums;
  const manage = permittedActions.includes('forum.manage');
  const labels = useForumLabels();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const intent = failed?.values.intent ?? '';
  const prefix = intent === 'update' ? 'edit' : intent === 'add-member' ? 'member' : intent === 'create-meeting' ? 'meeting' : 'x';
  const current = failed?.code === 'forums.edited_by_someone_else' ? (failed.details?.current as Forum | null | undefined) : undefined;
  const name = lang === 'sv' && forum.name.sv ? forum.name.sv : forum.name.fi;
  const partyName = (id: string | null) => parties.find((p) => p.id === id)?.name[lang] ?? '';
  const memberName = (m: Forum['members'][number]) =>
    [m.personName, m.partyId ? partyName(m.partyId) : m.group ? f.groups[m.group] : ''].filter(Boolean).join(', ');
  const regionParties = parties.filter((p) => loaderData.regionPartyIds.includes(p.id));
  const memberOptions = [
    { value: '', label: f.partyNone },
    ...MEMBER_GROUPS.map((g) => ({ value: `group:${g}`, label: f.groupOption(f.groups[g]) })),
    ...regionParties.map((p) => ({ value: `party:${p.id}`, label: p.name[lang] })),
  ];
  const upcoming = meetings.filter((m) => m.state === 'planned' || m.state === 'invited');
  const past = meetings.filter((m) => !(m.state === 'planned' || m.state === 'invited'));
  return (
    <div className="page">
      <title>{`${name} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/regions/${region.code}`)}>{region.name[lang]}</a> › <a href={href(`/regions/${region.code}/forums`)}>{f.regionTitle}</a>
      </nav>
      <h1>{name}</h1>
      {actionData?.ok && <Notice>{t.common.saved}</Notice>}
      {failed && <ErrorSummary message={failed.message} fieldErrors={prefixed(failed.fieldErrors, prefix)} labels={prefixed(labels, prefix)} />}
      <h2>{f.details}</h2>
      <dl className="facts">
        <dt>{f.level}</dt>
        <dd>
          {f.levels[forum.level]}
          {forum.endsOn && ` (${f.endsOn.toLowerCase()} ${date(forum.endsOn)})`}
        </dd>
        <dt>{f.frequency}</dt>
        <dd>
          {f.frequencies[forum.frequency]}
          {forum.frequencyNote.fi && ` – ${lang === 'sv' && forum.frequencyNote.sv ? forum.frequencyNote.sv : forum.frequencyNote.fi}`}
        </dd>
        <dt>{f.ownerParty}</dt>
        <dd>{partyName(forum.ownerPartyId)}</dd>
        <dt>{f.details}</dt>
        <dd>{forum.isPublic ? f.public : f.internal}</dd>
      </dl>
      {(forum.mandate.fi || forum.mandate.sv) && <p>{lang === 'sv' && forum.mandate.sv ? forum.mandate.sv : forum.mandate.fi}</p>}

      <h2>{f.meetings}</h2>
      {meetings.length === 0 ? (
        <p>{f.noMeetings}</p>
      ) : (
        <ul>
          {[...upcoming.reverse(), ...past].map((m) => (
            <li key={m.id}>
              <a href={href(`/meetings/${m.id}`)}>{f.meetingLink(lang === 'sv' && m.title.sv ? m.title.sv : m.title.fi, dateTime(m.startsAt))}</a> – {f.states[m.state]}
            </li>
          ))}
        </ul>
      )}

      <h2>{f.members}</h2>
      {forum.members.length === 0 ? (
        <p className="muted">{f.noMembers}</p>
      ) : (
        <ul>
          {forum.members.map((m) => {
            const principal = m.deputyOf ? forum.members.find((x) => x.id === m.deputyOf) : undefined;
            return (
              <li key={m.id}>
                <strong>{f.roles[m.role]}</strong>: {memberName(m)}
                {(m.roleNote.fi || m.roleNote.sv) && ` (${lang === 'sv' && m.roleNote.sv ? m.roleNote.sv : m.roleNote.fi})`}
                {principal && ` – ${f.deputyOfName(memberName(principal))}`}
                {m.email && ` – ${m.email}`}
                {manage && (
                  <PostForm className="inline-form">
                    <input type="hidden" name="intent" value="remove-member" />
                    <input type="hidden" name="memberId" value={m.id} />
                    <SubmitButton variant="secondary">{f.removeMember(memberName(m))}</SubmitButton>
                  </PostForm>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <h2>{f.agreementsHeading}</h2>
      {agreements.length === 0 ? (
        <p className="muted">{f.noAgreements}</p>
      ) : (
        <ul>
          {agreements.map((a) => (
            <li key={a.agreementId}>
              <a href={href(`/agreements/${a.agreementId}`)}>{a.agreementTitle}</a>
            </li>
          ))}
        </ul>
      )}

      {manage && (
        <>
          <section aria-labelledby="new-meeting">
            <h2 id="new-meeting">{f.newMeeting}</h2>
            <PostForm aria-labelledby="new-meeting">
              <input type="hidden" name="intent" value="create-meeting" />
              <MeetingFields idPrefix="meeting" v={intent === 'create-meeting' ? failed!.values : {}} failed={intent === 'create-meeting' ? failed : undefined} />
              <SubmitButton>{f.createMeeting}</SubmitButton>
            </PostForm>
          </section>
          <section aria-labelledby="add-member">
            <h2 id="add-member">{f.addMember}</h2>
            <PostForm aria-labelledby="add-member">
              <input type="hidden" name="intent" value="add-member" />
              <MemberFields v={intent === 'add-member' ? failed!.values : {}} errors={intent === 'add-member' ? failed!.fieldErrors : {}} partyOptions={memberOptions} forum={forum} memberName={memberName} />
              <SubmitButton>{f.addMember}</SubmitButton>
            </PostForm>
          </section>
          <section aria-labelledby="edit-forum">
            <h2 id="edit-forum">{f.editForum}</h2>
            {current && (
              <Notice>
                {f.currentValues}: {current.name.fi} · {f.levels[current.level]} · {f.frequencies[current.frequency]}
              </Notice>
            )}
            <PostForm aria-labelledby="edit-forum">
              <input type="hidden" name="intent" value="update" />
              <input type="hidden" name="rowVersion" value={String(current?.rowVersion ?? forum.rowVersion)} />
              <ForumFields idPrefix="edit" v={intent === 'update' ? failed!.values : forumValues(forum)} failed={intent === 'update' ? failed : undefined} />
              <SubmitButton>{f.save}</SubmitButton>
            </PostForm>
          </section>
        </>
      )}
    </div>
  );
}

function MemberFields(props: {
  v: Record<string, string>;
  errors: Record<string, string>;
  partyOptions: { value: string; label: string }[];
  forum: Forum;
  memberName: (m: Forum['members'][number]) => string;
}) {
  const { t } = useI18n();
  const f = t.forums;
  const { v, errors: e } = props;
  return (
    <>
      <SelectField idPrefix="member" name="party" label={f.party} defaultValue={v.party ?? ''} error={e.party} options={props.partyOptions} />
      <TextField idPrefix="member" name="personName" label={f.personName} defaultValue={v.personName} error={e.personName} />
      <TextField idPrefix="member" name="email" type="email" label={f.email} defaultValue={v.email} error={e.email} />
      <SelectField
        idPrefix="member"
        name="role"
        label={f.role}
        required
        defaultValue={v.role ?? 'member'}
        error={e.role}
        options={MEMBER_ROLES.map((r) => ({ value: r, label: f.roles[r] }))}
      />
      <TextField idPrefix="member" name="roleNoteFi" label={f.roleNoteFi} defaultValue={v.roleNoteFi} error={e.roleNoteFi} />
      <TextField idPrefix="member" name="roleNoteSv" label={f.roleNoteSv} defaultValue={v.roleNoteSv} error={e.roleNoteSv} />
      <SelectField
        idPrefix="member"
        name="deputyOf"
        label={f.deputyOf}
        defaultValue={v.deputyOf ?? ''}
        error={e.deputyOf}
        options={[{ value: '', label: f.deputyNone }, ...props.forum.members.filter((m) => m.role !== 'deputy').map((m) => ({ value: m.id, label: props.memberName(m) }))]}
      />
    </>
  );
}
