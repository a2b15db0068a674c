import { agendaOpen, minutesOpen, type Meeting, type MeetingRecordView } from '#modules/forums/index.ts';
import type { Party } from '#modules/parties/index.ts';
import { useI18n } from '../i18n.tsx';
import { ActionsTable, AttendanceTable, CheckersLine, ItemAgenda, ItemMinutes } from './meeting-record.tsx';

/** The agenda and, once the actor may see them, the minutes of a meeting, with links to write them and to the documents. */
export function MeetingRecordSection({ meeting, record, parties, manage }: { meeting: Meeting; record: MeetingRecordView; parties: readonly Party[]; manage: boolean }) {
  const { t, href, dateTime } = useI18n();
  const m = t.minutes;
  const items = record.items;
  const checker = record.abilities.includes('minutes.check');
  const docs = (doc: 'agenda' | 'minutes') => (
    <ul className="inline-list">
      {(['fi', 'sv'] as const).flatMap((l) =>
        (['pdf', 'docx'] as const).map((ext) => (
          <li key={`${l}.${ext}`}>
            <a href={href(`/meetings/${meeting.id}/documents/${doc}-${l}.${ext}`)}>{m.documentLink({ doc: m.docNames[doc], lang: m.docLangs[l], format: ext.toUpperCase() })}</a>
          </li>
        )),
      )}
    </ul>
  );
  return (
    <>
      {items !== null && (
        <section aria-labelledby="agenda">
          <h2 id="agenda">{record.minutes && items.some((i) => i.conclusion) ? m.minutesHeading : m.agendaHeading}</h2>
          {meeting.agendaPublishedAt ? <p>{m.agendaPublishedAt({ when: dateTime(meeting.agendaPublishedAt) })}</p> : <p className="muted">{m.agendaNotPublished}</p>}
          {manage && agendaOpen(meeting.state) && (
            <p>
              <a href={href(`/meetings/${meeting.id}/agenda`)}>{m.editAgenda}</a>
            </p>
          )}
          {(manage || checker) && minutesOpen(meeting.state) && (
            <p>
              <a href={href(`/meetings/${meeting.id}/minutes`)}>{manage ? m.writeMinutes : m.checkMinutesLink}</a>
            </p>
          )}
          {items.length === 0 ? (
            <p className="muted">{m.noItems}</p>
          ) : (
            <ol className="agenda-items">
              {items.map((i) => (
                <li key={i.id}>
                  <ItemAgenda item={i}>{record.minutes && <ItemMinutes item={i} />}</ItemAgenda>
                </li>
              ))}
            </ol>
          )}
          {items.length > 0 && (
            <>
              <h3>{m.agendaDocuments}</h3>
              {docs('agenda')}
            </>
          )}
        </section>
      )}
      {record.minutes && (
        <section aria-labelledby="minutes-attendance">
          <h2 id="minutes-attendance">{m.attendanceHeading}</h2>
          <AttendanceTable minutes={record.minutes} parties={parties} />
          <h3>{m.checkersHeading}</h3>
          <CheckersLine minutes={record.minutes} />
          <h3>{m.actionsHeading}</h3>
          <ActionsTable actions={record.minutes.actions} parties={parties} today={record.today} caption={m.actionsCaption} />
          <h3>{m.minutesDocuments}</h3>
          {docs('minutes')}
        </section>
      )}
    </>
  );
}
