import {
  addActionItem,
  checkMinutes,
  closeActionItem,
  CONCLUSIONS,
  getMeeting,
  minutesOpen,
  PRESENCES,
  recordItemMinutes,
  recordPersonAttendance,
  setMinutesCheckers,
  type AgendaItem,
  type PersonAttendance,
} from '#modules/forums/index.ts';
import type { Route } from './+types/meeting-minutes';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, fieldId, Notice, PostForm, SelectField, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { ActionsTable, CheckersLine, ItemAgenda, ItemMinutes, useBi } from '../components/meeting-record.tsx';
import { attempt } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { readFormWithFiles } from '../multipart.server.ts';
import { langOf, load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getMeeting(ctxOf(context), params.id));
}

const LINE_FIELDS = ['person', 'personName', 'partyId', 'presence', 'deputyFor', 'leftAtItem'] as const;

export async function action({ context, params, request }: Route.ActionArgs) {
  const { values, lists } = await readFormWithFiles(request, context, { fileFields: [] });
  const ctx = ctxOf(context);
  // The attendance table posts one value of each column per line, in order.
  const lines = (lists.presence ?? []).map((_, i) => Object.fromEntries(LINE_FIELDS.map((f) => [f, lists[f]?.[i] ?? ''])));
  const shown = values.intent === 'attendance' ? { ...values, lines: JSON.stringify(lines) } : values;
  const res = await attempt(langOf(request), shown, async () => {
    switch (values.intent) {
      case 'item-minutes':
        await recordItemMinutes(ctx, values.itemId ?? '', values);
        break;
      case 'attendance':
        await recordPersonAttendance(ctx, params.id, { rowVersion: values.rowVersion, lines });
        break;
      case 'checkers':
        await setMinutesCheckers(ctx, params.id, values);
        break;
      case 'check':
        await checkMinutes(ctx, params.id, values);
        break;
      case 'add-action':
        await addActionItem(ctx, params.id, values);
        break;
      case 'close-action':
        await closeActionItem(ctx, values.actionId ?? '', values);
        break;
    }
  });
  if (!res.ok) return res.response;
  return { ok: true as const, intent: values.intent ?? '' };
}

type Line = Record<(typeof LINE_FIELDS)[number], string>;

/** The id of an attendance line's field, as the error summary links to it (`lines.N.field` of the attendance form). */
const cellId = (n: number, f: string) => fieldId(`attendance-lines.${n}.${f}`);

/**
 * A text cell of an attendance line. A known person's line is named by its row header and the column header
 * (`rowId`); a free line by its own label.
 */
function LineTextCell(p: { name: string; n: number; value: string; rowId: string | null; label: string; error?: string; numeric?: boolean }) {
  const id = cellId(p.n, p.name);
  return (
    <td>
      <input
        name={p.name}
        id={id}
        inputMode={p.numeric ? 'numeric' : undefined}
        defaultValue={p.value}
        aria-labelledby={p.rowId ? `${p.rowId} col-${p.name}` : undefined}
        aria-label={p.rowId ? undefined : p.label}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={p.error ? `${id}-error` : undefined}
      />
      {p.error && (
        <span className="field__error" id={`${id}-error`}>
          {p.error}
        </span>
      )}
    </td>
  );
}

export default function MeetingMinutesPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href } = useI18n();
  const m = t.minutes;
  const bi = useBi();
  const { meeting, forum, permittedActions, record, parties, invitees } = loaderData;
  const manage = permittedActions.includes('forum.manage');
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const intent = failed?.values.intent ?? '';
  const open = minutesOpen(meeting.state);
  const writes = manage && open;
  const checker = record.abilities.includes('minutes.check');
  const items = record.items ?? [];
  const minutes = record.minutes;
  const title = `${bi(forum.name)}: ${bi(meeting.title)}`;
  const partyName = (id: string | null) => parties.find((p) => p.id === id)?.name[lang] ?? '';
  const partyOptions = [{ value: '', label: m.noParty }, ...parties.map((p) => ({ value: p.id, label: p.name[lang] }))];

  // Field errors, prefixed by the form they came from (an item's form also by the item), with readable labels.
  const formPrefix = intent === 'item-minutes' || intent === 'close-action' ? `${intent}-${failed?.values.itemId ?? failed?.values.actionId ?? ''}` : intent;
  const baseLabels: Record<string, string> = {
    summaryFi: m.summaryFi,
    summarySv: m.summarySv,
    conclusion: m.conclusionLabel,
    conclusionTextFi: m.conclusionTextFi,
    conclusionTextSv: m.conclusionTextSv,
    internalNote: m.internalNote,
    checker1: m.checker1,
    checker2: m.checker2,
    title: m.actionTitle,
    itemId: m.fromItemLabel,
    ownerPartyId: m.owner,
    ownerPerson: m.ownerPerson,
    dueOn: m.dueOn,
    status: m.status,
    note: m.closeNote,
    rowVersion: m.minutesHeading,
  };
  const columnLabel: Record<string, string> = { person: m.person, personName: m.person, partyId: m.party, presence: m.presence, deputyFor: m.deputyForLabel, leftAtItem: m.leftAtLabel };
  const labelOf = (k: string) => {
    const line = /^lines\.(\d+)\.(\w+)$/.exec(k);
    return line ? m.lineLabel({ n: Number(line[1]), field: columnLabel[line[2]!] ?? line[2]! }) : (baseLabels[k] ?? k);
  };
  const errors = failed ? Object.fromEntries(Object.entries(failed.fieldErrors).map(([k, v]) => [`${formPrefix}-${k}`, v])) : {};
  const errorLabels = failed ? Object.fromEntries(Object.keys(failed.fieldErrors).map((k) => [`${formPrefix}-${k}`, labelOf(k)])) : {};
  const itemFailure = (i: AgendaItem) => (intent === 'item-minutes' && failed?.values.itemId === i.id ? failed : undefined);
  const currentItem = failed?.code === 'forums.item_edited_by_someone_else' ? (failed.details?.current as AgendaItem | null | undefined) : undefined;

  // The attendance table: the forum's named members, then other invitees by name, then recorded others, then empty lines.
  const recorded = minutes?.attendance ?? [];
  const known: { key: string; name: string; partyId: string | null; match: (a: PersonAttendance) => boolean }[] = [];
  for (const fm of forum.members) if (fm.personName) known.push({ key: `member:${fm.id}`, name: fm.personName, partyId: fm.partyId, match: (a) => a.forumMemberId === fm.id });
  for (const i of invitees) {
    if (!i.personName || (i.forumMemberId && known.some((k) => k.key === `member:${i.forumMemberId}`))) continue;
    known.push({ key: `invitee:${i.id}`, name: i.personName, partyId: i.partyId, match: (a) => a.inviteeId === i.id });
  }
  const others = recorded.filter((a) => !known.some((k) => k.match(a)));
  const submitted: Line[] | null = intent === 'attendance' && failed?.values.lines ? (JSON.parse(failed.values.lines) as Line[]) : null;
  const lines: (Line & { label: string | null })[] =
    submitted?.map((l) => ({ ...l, label: known.find((k) => k.key === l.person)?.name ?? null })) ??
    [
      ...known.map((k) => {
        const a = recorded.find(k.match);
        return { person: k.key, personName: '', partyId: '', presence: a?.presence ?? '', deputyFor: a?.deputyFor ?? '', leftAtItem: a?.leftAtItem ? String(a.leftAtItem) : '', label: k.name };
      }),
      ...others.map((a) => ({ person: '', personName: a.personName, partyId: a.partyId ?? '', presence: a.presence, deputyFor: a.deputyFor, leftAtItem: a.leftAtItem ? String(a.leftAtItem) : '', label: null })),
      ...[1, 2, 3].map(() => ({ person: '', personName: '', partyId: '', presence: '', deputyFor: '', leftAtItem: '', label: null })),
    ];
  const lineError = (n: number, f: string) => (intent === 'attendance' ? failed?.fieldErrors[`lines.${n}.${f}`] : undefined);

  const checkers = minutes?.checkers ?? [];
  return (
    <div className="page">
      <title>{`${m.minutesPageTitle({ title })} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/forums/${forum.id}`)}>{bi(forum.name)}</a> › <a href={href(`/meetings/${meeting.id}`)}>{bi(meeting.title)}</a>
      </nav>
      <h1>{m.minutesPageTitle({ title })}</h1>
      {actionData?.ok && <Notice>{actionData.intent === 'check' ? m.checkedNotice : t.common.saved}</Notice>}
      {failed && <ErrorSummary message={failed.message} fieldErrors={errors} labels={errorLabels} />}
      {!open && <p className="notice notice--warning">{m.minutesClosedNotice}</p>}
      {!minutes && <p className="notice notice--warning">{m.onlyManagers}</p>}

      {minutes && (
        <>
          <section aria-labelledby="items">
            <h2 id="items">{m.itemsHeading}</h2>
            <ol className="agenda-items">
              {items.map((i) => {
                const fail = itemFailure(i);
                const v = fail?.values;
                const p = `item-minutes-${i.id}`;
                return (
                  <li key={i.id}>
                    <ItemAgenda item={i}>
                      {writes ? (
                        <>
                          {fail && currentItem?.id === i.id && (
                            <Notice>
                              {m.currentMinutes}: {bi(currentItem.summary) || '–'} · {currentItem.conclusion ? m.conclusions[currentItem.conclusion] : '–'}
                            </Notice>
                          )}
                          <PostForm aria-labelledby={`item-${i.position}`}>
                            <input type="hidden" name="intent" value="item-minutes" />
                            <input type="hidden" name="itemId" value={i.id} />
                            <input type="hidden" name="rowVersion" value={String(fail && currentItem?.id === i.id ? currentItem.rowVersion : i.rowVersion)} />
                            <TextArea idPrefix={p} name="summaryFi" label={m.summaryFi} rows={4} defaultValue={v?.summaryFi ?? i.summary.fi} error={fail?.fieldErrors.summaryFi} />
                            <TextArea idPrefix={p} name="summarySv" label={m.summarySv} rows={2} defaultValue={v?.summarySv ?? i.summary.sv} error={fail?.fieldErrors.summarySv} />
                            <SelectField
                              idPrefix={p}
                              name="conclusion"
                              label={m.conclusionLabel}
                              defaultValue={v?.conclusion ?? i.conclusion ?? ''}
                              error={fail?.fieldErrors.conclusion}
                              options={[{ value: '', label: m.noConclusion }, ...CONCLUSIONS.map((c) => ({ value: c, label: m.conclusions[c] }))]}
                            />
                            <TextArea idPrefix={p} name="conclusionTextFi" label={m.conclusionTextFi} rows={2} defaultValue={v?.conclusionTextFi ?? i.conclusionText.fi} error={fail?.fieldErrors.conclusionTextFi} />
                            <TextArea idPrefix={p} name="conclusionTextSv" label={m.conclusionTextSv} rows={2} defaultValue={v?.conclusionTextSv ?? i.conclusionText.sv} error={fail?.fieldErrors.conclusionTextSv} />
                            <TextArea idPrefix={p} name="internalNote" label={m.internalNote} hint={m.internalNoteHint} rows={2} defaultValue={v?.internalNote ?? i.internalNote} error={fail?.fieldErrors.internalNote} />
                            <SubmitButton>{m.saveItemMinutes({ n: i.position })}</SubmitButton>
                          </PostForm>
                        </>
                      ) : (
                        <ItemMinutes item={i} />
                      )}
                    </ItemAgenda>
                  </li>
                );
              })}
            </ol>
          </section>

          <section aria-labelledby="attendance-people">
            <h2 id="attendance-people">{m.attendanceHeading}</h2>
            {writes ? (
              <PostForm aria-labelledby="attendance-people">
                <input type="hidden" name="intent" value="attendance" />
                <input type="hidden" name="rowVersion" value={String(meeting.rowVersion)} />
                <p id="attendance-hint">{m.attendanceHint}</p>
                <div className="table-scroll">
                  <table className="table attendance-table" aria-describedby="attendance-hint">
                    <caption>{m.attendanceCaption}</caption>
                    <thead>
                      <tr>
                        <th scope="col" id="col-person">{m.person}</th>
                        <th scope="col" id="col-party">{m.party}</th>
                        <th scope="col" id="col-presence">{m.presence}</th>
                        <th scope="col" id="col-deputyFor">{m.deputyForLabel}</th>
                        <th scope="col" id="col-leftAtItem">{m.leftAtLabel}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {lines.map((l, index) => {
                        const n = index + 1;
                        const rowId = `line-${n}`;
                        const invalid = (f: string) => (lineError(n, f) ? true : undefined);
                        return (
                          <tr key={n}>
                            {l.label ? (
                              <>
                                <th scope="row" id={rowId}>
                                  {l.label}
                                  <input type="hidden" name="person" value={l.person} />
                                  <input type="hidden" name="personName" value="" />
                                  <input type="hidden" name="partyId" value="" />
                                  {lineError(n, 'person') && <span className="field__error" id={cellId(n, 'person')}>{lineError(n, 'person')}</span>}
                                </th>
                                <td>{partyName(known.find((k) => k.key === l.person)?.partyId ?? null)}</td>
                              </>
                            ) : (
                              <>
                                <td id={rowId}>
                                  <input type="hidden" name="person" value="" />
                                  <input
                                    name="personName"
                                    id={cellId(n, 'personName')}
                                    defaultValue={l.personName}
                                    aria-label={m.lineLabel({ n, field: m.person })}
                                    aria-invalid={invalid('personName')}
                                    aria-describedby={lineError(n, 'personName') ? `${cellId(n, 'personName')}-error` : undefined}
                                  />
                                  {lineError(n, 'personName') && <span className="field__error" id={`${cellId(n, 'personName')}-error`}>{lineError(n, 'personName')}</span>}
                                </td>
                                <td>
                                  <select name="partyId" id={cellId(n, 'partyId')} defaultValue={l.partyId} aria-label={m.lineLabel({ n, field: m.party })} aria-invalid={invalid('partyId')}>
                                    {partyOptions.map((o) => (
                                      <option key={o.value} value={o.value}>
                                        {o.label}
                                      </option>
                                    ))}
                                  </select>
                                  {lineError(n, 'partyId') && <span className="field__error">{lineError(n, 'partyId')}</span>}
                                </td>
                              </>
                            )}
                            <td>
                              <select
                                name="presence"
                                id={cellId(n, 'presence')}
                                defaultValue={l.presence}
                                aria-labelledby={l.label ? `${rowId} col-presence` : undefined}
                                aria-label={l.label ? undefined : m.lineLabel({ n, field: m.presence })}
                                aria-invalid={invalid('presence')}
                              >
                                <option value="">{m.notRecorded}</option>
                                {PRESENCES.map((p) => (
                                  <option key={p} value={p}>
                                    {m.presences[p]}
                                  </option>
                                ))}
                              </select>
                            </td>
                            <LineTextCell name="deputyFor" n={n} value={l.deputyFor} rowId={l.label ? rowId : null} label={m.lineLabel({ n, field: m.deputyForLabel })} error={lineError(n, 'deputyFor')} />
                            <LineTextCell name="leftAtItem" n={n} value={l.leftAtItem} rowId={l.label ? rowId : null} label={m.lineLabel({ n, field: m.leftAtLabel })} error={lineError(n, 'leftAtItem')} numeric />
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
                <SubmitButton>{m.saveAttendance}</SubmitButton>
              </PostForm>
            ) : (
              <p>
                <a href={href(`/meetings/${meeting.id}#minutes-attendance`)}>{m.seeAttendance}</a>
              </p>
            )}
          </section>

          <section aria-labelledby="actions">
            <h2 id="actions">{m.actionsHeading}</h2>
            <ActionsTable
              actions={minutes.actions.map((a) => ({ ...a, meetingId: meeting.id }))}
              parties={parties}
              today={record.today}
              caption={m.actionsCaption}
              renderClose={(a) =>
                manage && a.status === 'open' ? (
                  <details open={intent === 'close-action' && failed?.values.actionId === a.id}>
                    <summary>{m.closeAction}</summary>
                    <PostForm>
                      <input type="hidden" name="intent" value="close-action" />
                      <input type="hidden" name="actionId" value={a.id} />
                      <input type="hidden" name="rowVersion" value={String(a.rowVersion)} />
                      <SelectField idPrefix={`close-action-${a.id}`} name="status" label={m.status} options={[{ value: 'done', label: m.actionStatuses.done }, { value: 'cancelled', label: m.actionStatuses.cancelled }]} />
                      <TextField idPrefix={`close-action-${a.id}`} name="note" label={m.closeNote} required error={intent === 'close-action' && failed?.values.actionId === a.id ? failed.fieldErrors.note : undefined} />
                      <SubmitButton>{m.closeButton}</SubmitButton>
                    </PostForm>
                  </details>
                ) : null
              }
            />
            {writes && (
              <>
                <h3 id="add-action">{m.addAction}</h3>
                <PostForm aria-labelledby="add-action">
                  <input type="hidden" name="intent" value="add-action" />
                  <TextField idPrefix="add-action" name="title" label={m.actionTitle} required defaultValue={intent === 'add-action' ? failed?.values.title : ''} error={intent === 'add-action' ? failed?.fieldErrors.title : undefined} />
                  <SelectField
                    idPrefix="add-action"
                    name="itemId"
                    label={m.fromItemLabel}
                    defaultValue={intent === 'add-action' ? failed?.values.itemId : ''}
                    error={intent === 'add-action' ? failed?.fieldErrors.itemId : undefined}
                    options={[{ value: '', label: m.wholeMeeting }, ...items.map((i) => ({ value: i.id, label: m.itemHeading({ n: i.position, section: i.section ?? '', title: bi(i.title) }) }))]}
                  />
                  <SelectField
                    idPrefix="add-action"
                    name="ownerPartyId"
                    label={m.owner}
                    required
                    defaultValue={intent === 'add-action' ? failed?.values.ownerPartyId : ''}
                    error={intent === 'add-action' ? failed?.fieldErrors.ownerPartyId : undefined}
                    options={[{ value: '', label: m.chooseParty }, ...parties.map((p) => ({ value: p.id, label: p.name[lang] }))]}
                  />
                  <TextField idPrefix="add-action" name="ownerPerson" label={m.ownerPerson} defaultValue={intent === 'add-action' ? failed?.values.ownerPerson : ''} error={intent === 'add-action' ? failed?.fieldErrors.ownerPerson : undefined} />
                  <TextField idPrefix="add-action" name="dueOn" label={m.dueOn} hint={m.dateHint} required defaultValue={intent === 'add-action' ? failed?.values.dueOn : ''} error={intent === 'add-action' ? failed?.fieldErrors.dueOn : undefined} />
                  <SubmitButton>{m.addActionButton}</SubmitButton>
                </PostForm>
              </>
            )}
          </section>

          <section aria-labelledby="checkers">
            <h2 id="checkers">{m.checkersHeading}</h2>
            <CheckersLine minutes={minutes} />
            {writes && (
              <PostForm aria-labelledby="checkers">
                <input type="hidden" name="intent" value="checkers" />
                <input type="hidden" name="rowVersion" value={String(meeting.rowVersion)} />
                {(['checker1', 'checker2'] as const).map((k, index) => (
                  <SelectField
                    key={k}
                    idPrefix="checkers"
                    name={k}
                    label={k === 'checker1' ? m.checker1 : m.checker2}
                    required
                    defaultValue={intent === 'checkers' ? failed?.values[k] : (checkers[index]?.userId ?? '')}
                    error={intent === 'checkers' ? failed?.fieldErrors[k] : undefined}
                    options={[{ value: '', label: m.choosePerson }, ...record.checkerCandidates.map((c) => ({ value: c.userId, label: c.personName }))]}
                  />
                ))}
                <SubmitButton>{m.saveCheckers}</SubmitButton>
              </PostForm>
            )}
            {checker && (
              <PostForm aria-labelledby="checkers">
                <input type="hidden" name="intent" value="check" />
                <input type="hidden" name="rowVersion" value={String(meeting.rowVersion)} />
                <p>{m.checkHint}</p>
                <SubmitButton>{m.checkButton}</SubmitButton>
              </PostForm>
            )}
          </section>
        </>
      )}
      <p>
        <a href={href(`/meetings/${meeting.id}`)}>{m.backToMeeting}</a>
      </p>
    </div>
  );
}
