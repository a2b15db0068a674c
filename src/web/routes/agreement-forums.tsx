import {
  addForum,
  addForumMember,
  FORUM_FREQUENCIES,
  FORUM_LEVELS,
  getAgreementForEdit,
  MEMBER_GROUPS,
  removeForum,
  removeForumMember,
  updateForum,
  type Forum,
} from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-forums';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, Notice, PostForm, SelectField, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
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
  const forumId = values.forumId ?? '';
  const res = await attempt(langOf(request), values, async () => {
    switch (values.intent) {
      case 'update':
        return void (await updateForum(ctx, forumId, values));
      case 'remove':
        return removeForum(ctx, forumId, values);
      case 'add-member':
        return void (await addForumMember(ctx, forumId, values));
      case 'remove-member':
        return removeForumMember(ctx, forumId, values.memberId ?? '');
      default:
        return void (await addForum(ctx, params.id, values));
    }
  });
  if (!res.ok) return res.response;
  return { ok: true as const };
}

const prefixed = (o: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}-${k}`, v]));

const valuesOf = (f: Forum): Record<string, string> => ({
  nameFi: f.name.fi,
  nameSv: f.name.sv,
  level: f.level,
  frequency: f.frequency,
  frequencyNoteFi: f.frequencyNote.fi,
  frequencyNoteSv: f.frequencyNote.sv,
  purposeFi: f.purpose.fi,
  purposeSv: f.purpose.sv,
  position: String(f.position),
});

function ForumFields({ v, failed, idPrefix }: { v: Record<string, string>; failed?: FormFailure; idPrefix: string }) {
  const { t } = useI18n();
  const e = (n: string) => failed?.fieldErrors[n];
  return (
    <>
      <TextField idPrefix={idPrefix} name="nameFi" label={t.agreements.forumNameFi} required defaultValue={v.nameFi} error={e('nameFi')} />
      <TextField idPrefix={idPrefix} name="nameSv" label={t.agreements.forumNameSv} defaultValue={v.nameSv} error={e('nameSv')} />
      <SelectField
        idPrefix={idPrefix}
        name="level"
        label={t.agreements.level}
        required
        defaultValue={v.level ?? 'managerial'}
        error={e('level')}
        options={FORUM_LEVELS.map((l) => ({ value: l, label: t.agreements.levels[l] }))}
      />
      <SelectField
        idPrefix={idPrefix}
        name="frequency"
        label={t.agreements.frequency}
        required
        defaultValue={v.frequency ?? 'yearly'}
        error={e('frequency')}
        options={FORUM_FREQUENCIES.map((f) => ({ value: f, label: t.agreements.frequencies[f] }))}
      />
      <TextField idPrefix={idPrefix} name="frequencyNoteFi" label={t.agreements.frequencyNoteFi} hint={t.agreements.frequencyNoteHint} defaultValue={v.frequencyNoteFi} error={e('frequencyNoteFi')} />
      <TextField idPrefix={idPrefix} name="frequencyNoteSv" label={t.agreements.frequencyNoteSv} defaultValue={v.frequencyNoteSv} error={e('frequencyNoteSv')} />
      <TextArea idPrefix={idPrefix} name="purposeFi" label={t.agreements.purposeFi} rows={3} defaultValue={v.purposeFi} error={e('purposeFi')} />
      <TextArea idPrefix={idPrefix} name="purposeSv" label={t.agreements.purposeSv} rows={3} defaultValue={v.purposeSv} error={e('purposeSv')} />
      {idPrefix !== 'new' && <TextField idPrefix={idPrefix} name="position" type="number" inputMode="numeric" label={t.agreements.position} defaultValue={v.position} error={e('position')} />}
    </>
  );
}

export default function AgreementForumsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href } = useI18n();
  const { agreement, forums, regionParties } = loaderData;
  const parties = regionParties.filter((p) => agreement.partyIds.includes(p.id));
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const intent = failed?.values.intent;
  const failedPrefix = intent === 'add-member' ? `m-${failed?.values.forumId}` : intent === 'update' ? (failed?.values.forumId ?? 'new') : 'new';
  const current = failed?.code === 'agreements.edited_by_someone_else' ? (failed.details?.current as Forum | null | undefined) : undefined;
  const labels: Record<string, string> = {
    nameFi: t.agreements.forumNameFi,
    nameSv: t.agreements.forumNameSv,
    level: t.agreements.level,
    frequency: t.agreements.frequency,
    frequencyNoteFi: t.agreements.frequencyNoteFi,
    frequencyNoteSv: t.agreements.frequencyNoteSv,
    purposeFi: t.agreements.purposeFi,
    purposeSv: t.agreements.purposeSv,
    position: t.agreements.position,
    member: t.agreements.member,
    roleFi: t.agreements.roleFi,
    roleSv: t.agreements.roleSv,
  };
  const memberOptions = [
    ...MEMBER_GROUPS.map((g) => ({ value: `group:${g}`, label: t.agreements.memberGroupOption(t.agreements.memberGroups[g]) })),
    ...parties.map((p) => ({ value: `party:${p.id}`, label: p.name[lang] })),
  ];
  const memberName = (m: Forum['members'][number]) => (m.group ? t.agreements.memberGroups[m.group] : (parties.find((p) => p.id === m.partyId)?.name[lang] ?? ''));
  return (
    <div className="page">
      <title>{`${t.agreements.forumsTitle} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/agreements/${agreement.id}`)}>{agreement.title.fi}</a>
      </nav>
      <h1>{t.agreements.forumsTitle}</h1>
      <p className="lead">{t.agreements.forumsIntro}</p>
      {actionData?.ok && <Notice>{t.common.saved}</Notice>}
      {failed && <ErrorSummary message={failed.message} fieldErrors={prefixed(failed.fieldErrors, failedPrefix)} labels={prefixed(labels, failedPrefix)} />}
      {forums.length === 0 && <p>{t.agreements.noForums}</p>}
      <ol className="edit-list">
        {forums.map((f) => {
          const mine = failed?.values.forumId === f.id;
          const editFailed = mine && intent === 'update' ? failed : undefined;
          const memberFailed = mine && intent === 'add-member' ? failed : undefined;
          return (
            <li key={f.id}>
              <h2>
                {f.name.fi}
                {f.name.sv && <span lang="sv"> / {f.name.sv}</span>}
              </h2>
              <p>
                {t.agreements.levels[f.level]} · {t.agreements.frequencies[f.frequency]}
                {f.frequencyNote.fi && ` – ${f.frequencyNote.fi}`}
              </p>
              <h3>{t.agreements.members}</h3>
              {f.members.length === 0 ? (
                <p className="muted">{t.agreements.noMembers}</p>
              ) : (
                <ul>
                  {f.members.map((m) => (
                    <li key={m.id}>
                      {memberName(m)}: {m.role.fi}
                      {m.role.sv && <span lang="sv"> / {m.role.sv}</span>}
                      <PostForm className="inline-form">
                        <input type="hidden" name="intent" value="remove-member" />
                        <input type="hidden" name="forumId" value={f.id} />
                        <input type="hidden" name="memberId" value={m.id} />
                        <button type="submit" className="button button--danger button--small" aria-label={t.agreements.removeMember(`${memberName(m)}: ${m.role.fi}`)}>
                          {t.common.remove}
                        </button>
                      </PostForm>
                    </li>
                  ))}
                </ul>
              )}
              <details open={!!memberFailed || undefined}>
                <summary>{t.agreements.addMember}</summary>
                <PostForm>
                  <input type="hidden" name="intent" value="add-member" />
                  <input type="hidden" name="forumId" value={f.id} />
                  <SelectField idPrefix={`m-${f.id}`} name="member" label={t.agreements.member} required options={memberOptions} defaultValue={memberFailed?.values.member} error={memberFailed?.fieldErrors.member} />
                  <TextField idPrefix={`m-${f.id}`} name="roleFi" label={t.agreements.roleFi} hint={t.agreements.roleFiHint} required defaultValue={memberFailed?.values.roleFi} error={memberFailed?.fieldErrors.roleFi} />
                  <TextField idPrefix={`m-${f.id}`} name="roleSv" label={t.agreements.roleSv} defaultValue={memberFailed?.values.roleSv} error={memberFailed?.fieldErrors.roleSv} />
                  <SubmitButton>{t.agreements.addMember}</SubmitButton>
                </PostForm>
              </details>
              <details open={!!editFailed || undefined}>
                <summary>{t.agreements.editForum(f.name.fi)}</summary>
                {editFailed && current && (
                  <dl className="facts conflict">
                    {Object.entries(valuesOf(current)).map(([k, val]) => (
                      <div key={k}>
                        <dt>{labels[k]}</dt>
                        <dd>{val || '–'}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                <PostForm>
                  <input type="hidden" name="intent" value="update" />
                  <input type="hidden" name="forumId" value={f.id} />
                  <input type="hidden" name="rowVersion" value={editFailed && current ? current.rowVersion : f.rowVersion} />
                  <ForumFields v={editFailed ? editFailed.values : valuesOf(f)} failed={editFailed} idPrefix={f.id} />
                  <SubmitButton>{t.common.save}</SubmitButton>
                </PostForm>
                <PostForm className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="forumId" value={f.id} />
                  <input type="hidden" name="rowVersion" value={f.rowVersion} />
                  <button type="submit" className="button button--danger button--small" aria-label={t.agreements.removeForum(f.name.fi)} data-confirm={t.agreements.confirmRemoveForum}>
                    {t.common.remove}
                  </button>
                </PostForm>
              </details>
            </li>
          );
        })}
      </ol>
      <PostForm className="card" aria-labelledby="add-forum-h">
        <h2 id="add-forum-h">{t.agreements.addForum}</h2>
        <input type="hidden" name="intent" value="add" />
        <ForumFields v={intent === 'add' ? failed!.values : {}} failed={intent === 'add' ? failed : undefined} idPrefix="new" />
        <SubmitButton>{t.common.add}</SubmitButton>
      </PostForm>
      <p>
        <a href={href(`/agreements/${agreement.id}`)}>{t.agreements.backToAgreement}</a>
      </p>
    </div>
  );
}
