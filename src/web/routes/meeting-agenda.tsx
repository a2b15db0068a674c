import {
  addAgendaItem,
  agendaOpen,
  attachItemDocument,
  getMeeting,
  moveAgendaItem,
  publishAgenda,
  removeAgendaItem,
  removeItemAttachment,
  updateAgendaItem,
  type AgendaItem,
  type LinkOptions,
} from '#modules/forums/index.ts';
import type { Route } from './+types/meeting-agenda';
import { ctxOf } from '../app-context.ts';
import { ErrorSummary, FileField, Notice, PostForm, SelectField, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { ItemAgenda, useBi } from '../components/meeting-record.tsx';
import { attempt } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { readFormWithFiles } from '../multipart.server.ts';
import { langOf, load } from '../run.server.ts';
import type { FormFailure } from '../forms.server.ts';
import type { Catalog } from '#i18n/index.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getMeeting(ctxOf(context), params.id));
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const { values, files } = await readFormWithFiles(request, context, { fileFields: ['file'] });
  const ctx = ctxOf(context);
  const itemId = values.itemId ?? '';
  const res = await attempt(langOf(request), values, async (): Promise<{ mailed?: number }> => {
    switch (values.intent) {
      case 'add':
        await addAgendaItem(ctx, params.id, values);
        return {};
      case 'update':
        await updateAgendaItem(ctx, itemId, values);
        return {};
      case 'move':
        await moveAgendaItem(ctx, itemId, values);
        return {};
      case 'remove':
        await removeAgendaItem(ctx, itemId, values);
        return {};
      case 'attach':
        await attachItemDocument(ctx, itemId, values, files.file);
        return {};
      case 'remove-attachment':
        await removeItemAttachment(ctx, values.attachmentId ?? '');
        return {};
      case 'publish':
        return { mailed: (await publishAgenda(ctx, params.id, values)).mailed };
      default:
        return {};
    }
  });
  if (!res.ok) return res.response;
  return { ok: true as const, intent: values.intent ?? '', mailed: res.result.mailed };
}

/** The choices of what an item handles: the region's agreements' versions, goals, measures and annual reports. */
function handlesOptions(o: LinkOptions | null, m: Catalog['minutes'], bi: (b: { fi: string; sv: string }) => string) {
  if (!o) return [];
  const agreement = (id: string) => bi(o.agreements.find((a) => a.id === id)?.title ?? { fi: '', sv: '' });
  const goalAgreement = (goalId: string) => o.goals.find((g) => g.id === goalId)?.agreementId ?? '';
  return [
    { value: '', label: m.handlesNone },
    ...o.versions.map((v) => ({ value: `version:${v.id}`, label: m.targetVersion({ title: agreement(v.agreementId), n: v.number, label: v.label }) })),
    ...o.agreements.map((a) => ({ value: `report:${a.id}`, label: m.handlesReport({ title: bi(a.title) }) })),
    ...o.goals.map((g) => ({ value: `goal:${g.id}`, label: `${m.targetGoal({ title: bi(g.title) })} (${agreement(g.agreementId)})` })),
    ...o.measures.map((x) => ({ value: `measure:${x.id}`, label: `${m.targetMeasure({ title: bi(x.title) })} (${agreement(goalAgreement(x.goalId))})` })),
  ];
}

const handlesOf = (i: AgendaItem) => {
  switch (i.target.link) {
    case 'agreement_version':
      return `version:${i.target.versionId}`;
    case 'goal':
      return `goal:${i.target.goalId}`;
    case 'measure':
      return `measure:${i.target.measureId}`;
    case 'annual_report':
      return `report:${i.target.agreementId}`;
    default:
      return '';
  }
};

function ItemFields({ idPrefix, v, failed, options }: { idPrefix: string; v: Record<string, string>; failed?: FormFailure; options: { value: string; label: string }[] }) {
  const { t } = useI18n();
  const m = t.minutes;
  const err = (k: string) => failed?.fieldErrors[k];
  return (
    <>
      <TextField idPrefix={idPrefix} name="titleFi" label={m.titleFi} required defaultValue={v.titleFi} error={err('titleFi')} />
      <TextField idPrefix={idPrefix} name="section" label={m.section} hint={m.sectionHint} inputMode="numeric" defaultValue={v.section} error={err('section')} />
      <TextField idPrefix={idPrefix} name="titleSv" label={m.titleSv} defaultValue={v.titleSv} error={err('titleSv')} />
      <TextField idPrefix={idPrefix} name="presenter" label={m.presenter} hint={m.presenterHint} defaultValue={v.presenter} error={err('presenter')} />
      <TextArea idPrefix={idPrefix} name="bodyFi" label={m.bodyFi} rows={5} defaultValue={v.bodyFi} error={err('bodyFi')} />
      <TextArea idPrefix={idPrefix} name="bodySv" label={m.bodySv} rows={3} defaultValue={v.bodySv} error={err('bodySv')} />
      <SelectField idPrefix={idPrefix} name="handles" label={m.handles} hint={m.handlesHint} options={options} defaultValue={v.handles} error={err('handles')} />
      <TextField idPrefix={idPrefix} name="reportYear" label={m.reportYear} hint={m.reportYearHint} inputMode="numeric" defaultValue={v.reportYear} error={err('reportYear')} />
    </>
  );
}

/** A button that moves an item one place up or down. */
function MoveForm({ item, direction, label }: { item: AgendaItem; direction: 'up' | 'down'; label: string }) {
  return (
    <PostForm>
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="rowVersion" value={String(item.rowVersion)} />
      <input type="hidden" name="direction" value={direction} />
      <SubmitButton variant="secondary">{label}</SubmitButton>
    </PostForm>
  );
}

export default function MeetingAgendaPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, href } = useI18n();
  const m = t.minutes;
  const bi = useBi();
  const { meeting, forum, permittedActions, record } = loaderData;
  const manage = permittedActions.includes('forum.manage');
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const intent = failed?.values.intent ?? '';
  const failedItem = failed?.values.itemId ?? '';
  const prefixOf = (i: string, item = '') => (item ? `${i}-${item}` : i);
  const labels = {
    titleFi: m.titleFi,
    section: m.section,
    titleSv: m.titleSv,
    presenter: m.presenter,
    bodyFi: m.bodyFi,
    bodySv: m.bodySv,
    handles: m.handles,
    reportYear: m.reportYear,
    title: m.attachmentTitle,
    file: m.file,
    direction: m.order,
    rowVersion: m.agendaHeading,
  } as Record<string, string>;
  const prefix = prefixOf(intent, failedItem);
  const errors = failed ? Object.fromEntries(Object.entries(failed.fieldErrors).map(([k, v]) => [`${prefix}-${k}`, v])) : {};
  const errorLabels = Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}-${k}`, v]));
  const options = handlesOptions(record.linkOptions, m, bi);
  const items = record.items ?? [];
  const title = `${bi(forum.name)}: ${bi(meeting.title)}`;
  const open = manage && agendaOpen(meeting.state);
  const forItem = (i: AgendaItem, which: string) => (intent === which && failedItem === i.id ? failed : undefined);
  const current = failed?.code === 'forums.item_edited_by_someone_else' ? (failed.details?.current as AgendaItem | null | undefined) : undefined;
  return (
    <div className="page">
      <title>{`${m.agendaPageTitle({ title })} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/forums/${forum.id}`)}>{bi(forum.name)}</a> › <a href={href(`/meetings/${meeting.id}`)}>{bi(meeting.title)}</a>
      </nav>
      <h1>{m.agendaPageTitle({ title })}</h1>
      {actionData?.ok && <Notice>{actionData.intent === 'publish' ? m.publishedNotice({ n: actionData.mailed ?? 0 }) : t.common.saved}</Notice>}
      {failed && <ErrorSummary message={failed.message} fieldErrors={errors} labels={errorLabels} />}
      {!open && <p className="notice notice--warning">{manage ? m.agendaClosedNotice : m.onlyManagers}</p>}
      {items.length === 0 && <p className="muted">{m.noItems}</p>}
      <ol className="agenda-items">
        {items.map((i, index) => {
          const edit = forItem(i, 'update');
          const attach = forItem(i, 'attach');
          const p = (x: string) => prefixOf(x, i.id);
          return (
            <li key={i.id}>
              <ItemAgenda item={i}>
                {open && (
                  <>
                    <div className="inline-forms">
                      {index > 0 && <MoveForm item={i} direction="up" label={m.moveUp({ n: i.position })} />}
                      {index < items.length - 1 && <MoveForm item={i} direction="down" label={m.moveDown({ n: i.position })} />}
                      <PostForm>
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="itemId" value={i.id} />
                        <input type="hidden" name="rowVersion" value={String(i.rowVersion)} />
                        <SubmitButton variant="danger">{m.removeItem({ n: i.position })}</SubmitButton>
                      </PostForm>
                    </div>
                    {i.attachments.map((a) => (
                      <PostForm key={a.id}>
                        <input type="hidden" name="intent" value="remove-attachment" />
                        <input type="hidden" name="attachmentId" value={a.id} />
                        <SubmitButton variant="secondary">{m.removeAttachment({ title: a.title })}</SubmitButton>
                      </PostForm>
                    ))}
                    <details open={edit !== undefined}>
                      <summary>{m.editItem({ n: i.position })}</summary>
                      {edit && current && current.id === i.id && <Notice>{m.currentItem({ title: bi(current.title) })}</Notice>}
                      <PostForm aria-labelledby={`item-${i.position}`}>
                        <input type="hidden" name="intent" value="update" />
                        <input type="hidden" name="itemId" value={i.id} />
                        <input type="hidden" name="rowVersion" value={String(i.rowVersion)} />
                        <ItemFields
                          idPrefix={p('update')}
                          v={edit?.values ?? { section: i.section ? String(i.section) : '', titleFi: i.title.fi, titleSv: i.title.sv, presenter: i.presenter, bodyFi: i.body.fi, bodySv: i.body.sv, handles: handlesOf(i), reportYear: i.target.link === 'annual_report' ? String(i.target.year) : '' }}
                          failed={edit}
                          options={options}
                        />
                        <SubmitButton>{m.saveItem}</SubmitButton>
                      </PostForm>
                    </details>
                    <details open={attach !== undefined}>
                      <summary>{m.attachTo({ n: i.position })}</summary>
                      <PostForm encType="multipart/form-data">
                        <input type="hidden" name="intent" value="attach" />
                        <input type="hidden" name="itemId" value={i.id} />
                        <TextField idPrefix={p('attach')} name="title" label={m.attachmentTitle} required defaultValue={attach?.values.title} error={attach?.fieldErrors.title} />
                        <FileField idPrefix={p('attach')} name="file" label={m.file} hint={m.fileHint} required accept=".pdf,.docx,.odt,application/pdf" error={attach?.fieldErrors.file} />
                        <SubmitButton>{m.attach}</SubmitButton>
                      </PostForm>
                    </details>
                  </>
                )}
              </ItemAgenda>
            </li>
          );
        })}
      </ol>
      {open && (
        <>
          <section aria-labelledby="add-item">
            <h2 id="add-item">{m.addItem}</h2>
            <PostForm aria-labelledby="add-item">
              <input type="hidden" name="intent" value="add" />
              <ItemFields idPrefix="add" v={intent === 'add' ? failed!.values : {}} failed={intent === 'add' ? failed : undefined} options={options} />
              <SubmitButton>{m.addItemButton}</SubmitButton>
            </PostForm>
          </section>
          <section aria-labelledby="publish">
            <h2 id="publish">{m.publishAgenda}</h2>
            <p>{meeting.agendaPublishedAt ? m.republishHint : m.publishHint}</p>
            <PostForm aria-labelledby="publish">
              <input type="hidden" name="intent" value="publish" />
              <input type="hidden" name="rowVersion" value={String(meeting.rowVersion)} />
              <SubmitButton>{meeting.agendaPublishedAt ? m.republishButton : m.publishButton}</SubmitButton>
            </PostForm>
          </section>
        </>
      )}
      <p>
        <a href={href(`/meetings/${meeting.id}`)}>{m.backToMeeting}</a>
      </p>
    </div>
  );
}
