import type { ActionList } from '#modules/forums/index.ts';
import type { FormFailure } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { ErrorSummary, Notice, PostForm, SelectField, SubmitButton, TextField } from './forms.tsx';
import { ActionsTable } from './meeting-record.tsx';

/** Action items (a region's, or one party's), open and overdue first, with a form to close those the user may close. */
export function ActionListView({ list, caption, allHref, openHref, showingAll, actionData }: { list: ActionList; caption: string; allHref: string; openHref: string; showingAll: boolean; actionData?: { ok: true } | FormFailure }) {
  const { t } = useI18n();
  const m = t.minutes;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const failedId = failed?.values.actionId ?? '';
  return (
    <>
      {actionData?.ok && <Notice>{m.actionClosedNotice}</Notice>}
      {failed && (
        <ErrorSummary
          message={failed.message}
          fieldErrors={Object.fromEntries(Object.entries(failed.fieldErrors).map(([k, v]) => [`close-${failedId}-${k}`, v]))}
          labels={{ [`close-${failedId}-note`]: m.closeNote, [`close-${failedId}-status`]: m.status, [`close-${failedId}-rowVersion`]: m.actionTitle }}
        />
      )}
      <p>{showingAll ? <a href={openHref}>{m.showOpen}</a> : <a href={allHref}>{m.showAll}</a>}</p>
      <ActionsTable
        actions={list.actions}
        parties={list.parties}
        today={list.today}
        caption={caption}
        showMeeting
        renderClose={(a) =>
          list.actions.find((x) => x.id === a.id)?.canClose ? (
            <details open={failedId === a.id}>
              <summary>{m.closeAction}</summary>
              <PostForm>
                <input type="hidden" name="actionId" value={a.id} />
                <input type="hidden" name="rowVersion" value={String(a.rowVersion)} />
                <SelectField idPrefix={`close-${a.id}`} name="status" label={m.status} defaultValue={failedId === a.id ? failed?.values.status : 'done'} options={[{ value: 'done', label: m.actionStatuses.done }, { value: 'cancelled', label: m.actionStatuses.cancelled }]} />
                <TextField idPrefix={`close-${a.id}`} name="note" label={m.closeNote} required defaultValue={failedId === a.id ? failed?.values.note : ''} error={failedId === a.id ? failed?.fieldErrors.note : undefined} />
                <SubmitButton>{m.closeButton}</SubmitButton>
              </PostForm>
            </details>
          ) : null
        }
      />
    </>
  );
}
