import { FORUM_FREQUENCIES, FORUM_LEVELS, MEETING_KINDS, helsinkiWallTime, type Forum, type Meeting } from '#modules/forums/index.ts';
import { CheckboxList } from './choice-lists.tsx';
import { fieldId, SelectField, TextArea, TextField } from './forms.tsx';
import type { FormFailure } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';

type Values = Record<string, string>;

export const forumValues = (f: Forum): Values => ({
  nameFi: f.name.fi,
  nameSv: f.name.sv,
  level: f.level,
  endsOn: f.endsOn ?? '',
  mandateFi: f.mandate.fi,
  mandateSv: f.mandate.sv,
  frequency: f.frequency,
  frequencyNoteFi: f.frequencyNote.fi,
  frequencyNoteSv: f.frequencyNote.sv,
  isPublic: f.isPublic ? 'on' : '',
});

export function useForumLabels(): Record<string, string> {
  const { t } = useI18n();
  const f = t.forums;
  return {
    ownerPartyId: f.ownerParty,
    partyIds: f.attendedParties,
    nameFi: f.nameFi,
    nameSv: f.nameSv,
    level: f.level,
    endsOn: f.endsOn,
    mandateFi: f.mandateFi,
    mandateSv: f.mandateSv,
    frequency: f.frequency,
    frequencyNoteFi: f.frequencyNoteFi,
    frequencyNoteSv: f.frequencyNoteSv,
    isPublic: f.isPublic,
    party: f.party,
    personName: f.personName,
    email: f.email,
    role: f.role,
    roleNoteFi: f.roleNoteFi,
    roleNoteSv: f.roleNoteSv,
    deputyOf: f.deputyOf,
    memberId: f.members,
    titleFi: f.titleFi,
    titleSv: f.titleSv,
    startDate: f.startDate,
    startTime: f.startTime,
    endDate: f.endDate,
    endTime: f.endTime,
    startOffset: f.startOffset,
    endOffset: f.endOffset,
    place: f.place,
    onlineUrl: f.onlineUrl,
    kinds: f.kinds,
    reason: f.reason,
    state: f.state,
    answer: f.answer,
    deputyName: f.deputyName,
  };
}

export function ForumFields({ v, failed, idPrefix }: { v: Values; failed?: FormFailure; idPrefix: string }) {
  const { t } = useI18n();
  const f = t.forums;
  const e = (n: string) => failed?.fieldErrors[n];
  const publicId = fieldId(`${idPrefix}-isPublic`);
  return (
    <>
      <TextField idPrefix={idPrefix} name="nameFi" label={f.nameFi} required defaultValue={v.nameFi} error={e('nameFi')} />
      <TextField idPrefix={idPrefix} name="nameSv" label={f.nameSv} defaultValue={v.nameSv} error={e('nameSv')} />
      <SelectField
        idPrefix={idPrefix}
        name="level"
        label={f.level}
        required
        defaultValue={v.level ?? 'managerial'}
        error={e('level')}
        options={FORUM_LEVELS.map((l) => ({ value: l, label: f.levels[l] }))}
      />
      <TextField idPrefix={idPrefix} name="endsOn" type="date" label={f.endsOn} hint={f.endsOnHint} defaultValue={v.endsOn} error={e('endsOn')} />
      <TextArea idPrefix={idPrefix} name="mandateFi" label={f.mandateFi} rows={3} defaultValue={v.mandateFi} error={e('mandateFi')} />
      <TextArea idPrefix={idPrefix} name="mandateSv" label={f.mandateSv} rows={3} defaultValue={v.mandateSv} error={e('mandateSv')} />
      <SelectField
        idPrefix={idPrefix}
        name="frequency"
        label={f.frequency}
        required
        defaultValue={v.frequency ?? 'quarterly'}
        error={e('frequency')}
        options={FORUM_FREQUENCIES.map((x) => ({ value: x, label: f.frequencies[x] }))}
      />
      <TextField idPrefix={idPrefix} name="frequencyNoteFi" label={f.frequencyNoteFi} defaultValue={v.frequencyNoteFi} error={e('frequencyNoteFi')} />
      <TextField idPrefix={idPrefix} name="frequencyNoteSv" label={f.frequencyNoteSv} defaultValue={v.frequencyNoteSv} error={e('frequencyNoteSv')} />
      <div className="field">
        <input type="checkbox" id={publicId} name="isPublic" value="on" defaultChecked={v.isPublic === 'on'} /> <label htmlFor={publicId}>{f.isPublic}</label>
      </div>
    </>
  );
}

export function meetingValues(m: Meeting): Values {
  const s = helsinkiWallTime(m.startsAt);
  const e = helsinkiWallTime(m.endsAt);
  return {
    titleFi: m.title.fi,
    titleSv: m.title.sv,
    startDate: s.date,
    startTime: s.time,
    endDate: e.date === s.date ? '' : e.date,
    endTime: e.time,
    place: m.place,
    onlineUrl: m.onlineUrl,
    kinds: m.kinds.join(','),
  };
}

export function MeetingFields({ v, failed, idPrefix }: { v: Values; failed?: FormFailure; idPrefix: string }) {
  const { t } = useI18n();
  const f = t.forums;
  const e = (n: string) => failed?.fieldErrors[n];
  const offsets = [
    { value: '', label: f.offsets.auto },
    { value: '+03:00', label: f.offsets.summer },
    { value: '+02:00', label: f.offsets.winter },
  ];
  const kindError = Object.entries(failed?.fieldErrors ?? {}).find(([k]) => k === 'kinds' || k.startsWith('kinds.'))?.[1];
  const showOffsets = Boolean(v.startOffset || v.endOffset || e('startTime') || e('endTime'));
  return (
    <>
      <TextField idPrefix={idPrefix} name="titleFi" label={f.titleFi} required defaultValue={v.titleFi} error={e('titleFi')} />
      <TextField idPrefix={idPrefix} name="titleSv" label={f.titleSv} defaultValue={v.titleSv} error={e('titleSv')} />
      <TextField idPrefix={idPrefix} name="startDate" type="date" label={f.startDate} required defaultValue={v.startDate} error={e('startDate')} />
      <TextField idPrefix={idPrefix} name="startTime" label={f.startTime} hint={f.timeHint} required defaultValue={v.startTime} error={e('startTime')} />
      <TextField idPrefix={idPrefix} name="endDate" type="date" label={f.endDate} hint={f.endDateHint} defaultValue={v.endDate} error={e('endDate')} />
      <TextField idPrefix={idPrefix} name="endTime" label={f.endTime} hint={f.timeHint} required defaultValue={v.endTime} error={e('endTime')} />
      {showOffsets && (
        <>
          <SelectField idPrefix={idPrefix} name="startOffset" label={f.startOffset} hint={f.offsetHint} defaultValue={v.startOffset} error={e('startOffset')} options={offsets} />
          <SelectField idPrefix={idPrefix} name="endOffset" label={f.endOffset} defaultValue={v.endOffset} error={e('endOffset')} options={offsets} />
        </>
      )}
      <TextField idPrefix={idPrefix} name="place" label={f.place} defaultValue={v.place} error={e('place')} />
      <TextField idPrefix={idPrefix} name="onlineUrl" type="url" label={f.onlineUrl} defaultValue={v.onlineUrl} error={e('onlineUrl')} />
      <CheckboxList
        idPrefix={idPrefix}
        name="kinds"
        legend={f.kinds}
        error={kindError}
        options={MEETING_KINDS.map((k) => ({ value: k, label: f.kindNames[k] }))}
        checked={(v.kinds ?? '').split(',').filter(Boolean)}
      />
    </>
  );
}

/** Form values with the repeated checkbox field `kinds` as a list (and joined for re-rendering). */
export function meetingForm(form: FormData, values: Record<string, string>): { input: Record<string, unknown>; values: Record<string, string> } {
  const kinds = form.getAll('kinds').filter((x): x is string => typeof x === 'string');
  return { input: { ...values, kinds }, values: { ...values, kinds: kinds.join(',') } };
}

/** When and where a meeting is (and, with `full`, its kinds and stage): shared by the meeting and invitation pages. */
export function MeetingFacts({ meeting, full = false }: { meeting: Meeting; full?: boolean }) {
  const { t, dateTime } = useI18n();
  const f = t.forums;
  return (
    <dl className="facts">
      <dt>{f.when}</dt>
      <dd>{f.whenValue(dateTime(meeting.startsAt), dateTime(meeting.endsAt))}</dd>
      {meeting.place && (
        <>
          <dt>{f.place}</dt>
          <dd>{meeting.place}</dd>
        </>
      )}
      {meeting.onlineUrl && (
        <>
          <dt>{f.onlineUrl}</dt>
          <dd>
            <a href={meeting.onlineUrl}>{meeting.onlineUrl}</a>
          </dd>
        </>
      )}
      {full && meeting.kinds.length > 0 && (
        <>
          <dt>{f.kinds}</dt>
          <dd>{meeting.kinds.map((k) => f.kindNames[k]).join(', ')}</dd>
        </>
      )}
      {full && (
        <>
          <dt>{f.state}</dt>
          <dd>{f.states[meeting.state]}</dd>
        </>
      )}
    </dl>
  );
}
