import type {
  ActionItem,
  AgendaItem,
  ItemTarget,
  MeetingRecordView,
} from "#modules/forums/index.ts";
import type { Party } from "#modules/parties/index.ts";
import type { ReactNode } from "react";
import { useI18n } from "../i18n.tsx";
import { TableScroll } from "./table.tsx";
import { useId } from "react";

type Bi = { fi: string; sv: string };

/** A bilingual text in the page's language (Swedish falls back to Finnish; English pages show Finnish). */
export function useBi() {
  const { lang } = useI18n();
  return (b: Bi) => (lang === "sv" && b.sv.trim() ? b.sv : b.fi);
}

/** Paragraphs of plain text as typed (blank lines separate paragraphs, single newlines stay). */
export function Paragraphs({ text }: { text: string }) {
  if (!text.trim()) return null;
  return (
    <>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i} className="pre-line">
          {p}
        </p>
      ))}
    </>
  );
}

/** What an item handles, as a link to it. */
export function ItemTargetLink({ target }: { target: ItemTarget }) {
  const { t, href } = useI18n();
  const m = t.minutes;
  const bi = useBi();
  switch (target.link) {
    case "agreement_version":
      return (
        <a
          href={href(
            `/agreements/${target.agreementId}/versions/${target.versionNumber}`,
          )}
        >
          {m.targetVersion({
            title: target.agreementTitle,
            n: target.versionNumber,
            label: target.label,
          })}
        </a>
      );
    case "goal":
      return (
        <a href={href(`/goals/${target.goalId}`)}>
          {m.targetGoal({ title: bi(target.title) })}
        </a>
      );
    case "measure":
      return (
        <a href={href(`/measures/${target.measureId}`)}>
          {m.targetMeasure({ title: bi(target.title) })}
        </a>
      );
    case "annual_report":
      return (
        <a
          href={href(
            `/agreements/${target.agreementId}/report?year=${target.year}`,
          )}
        >
          {m.targetReport({ title: target.agreementTitle, year: target.year })}
        </a>
      );
    default:
      return null;
  }
}

const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

/** An item's heading, presenter, text, what it handles and its attachments (the agenda part). */
export function ItemAgenda({
  item,
  headingLevel = 3,
  children,
}: {
  item: AgendaItem;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const { t, href, number } = useI18n();
  const m = t.minutes;
  const bi = useBi();
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <H id={`item-${item.position}`}>
        {m.itemHeading({
          n: item.position,
          section: item.section ?? "",
          title: bi(item.title),
        })}
      </H>
      {item.presenter && <p>{m.presenterLine({ name: item.presenter })}</p>}
      {item.target.link !== "none" && (
        <p>
          {m.handles}: <ItemTargetLink target={item.target} />
        </p>
      )}
      <Paragraphs text={bi(item.body)} />
      {item.attachments.length > 0 && (
        <>
          <p className="item-attachments-title">{m.attachments}</p>
          <ul className="item-attachments">
            {item.attachments.map((a) => (
              <li key={a.id}>
                <a href={href(`/attachments/${a.id}`)}>{a.title}</a> (
                {a.fileName}, {m.sizeKb({ kb: number(kb(a.sizeBytes)) })})
              </li>
            ))}
          </ul>
        </>
      )}
      {children}
    </>
  );
}

/** The minutes of an item: summary, conclusion and, for the parties, the internal note. */
export function ItemMinutes({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const m = t.minutes;
  const bi = useBi();
  if (!item.conclusion && !item.summary.fi && !item.internalNote) return null;
  return (
    <div className="item-minutes">
      <Paragraphs text={bi(item.summary)} />
      {item.conclusion && (
        <p>
          <strong>{m.conclusionLabel}:</strong> {m.conclusions[item.conclusion]}
          {bi(item.conclusionText) && <>. {bi(item.conclusionText)}</>}
        </p>
      )}
      {item.internalNote && (
        <p className="notice notice--internal">
          <strong>{m.internalNoteLabel}:</strong> {item.internalNote}
        </p>
      )}
    </div>
  );
}

/** Who attended, per person. */
export function AttendanceTable({
  minutes,
  parties,
}: {
  minutes: NonNullable<MeetingRecordView["minutes"]>;
  parties: readonly Party[];
}) {
  const { t, lang } = useI18n();
  const m = t.minutes;
  const party = (id: string | null) =>
    parties.find((p) => p.id === id)?.name[lang] ?? "";
  const id = useId();
  if (minutes.attendance.length === 0)
    return <p className="muted">{m.noPersonAttendance}</p>;
  return (
    <TableScroll labelledBy={id}>
      <table className="table">
        <caption id={id}>{m.attendanceCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.person}</th>
            <th scope="col">{m.party}</th>
            <th scope="col">{m.presence}</th>
          </tr>
        </thead>
        <tbody>
          {minutes.attendance.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.personName}</th>
              <td>{party(a.partyId)}</td>
              <td>
                {a.presence === "deputy"
                  ? m.deputyFor({ name: a.deputyFor })
                  : m.presences[a.presence]}
                {a.leftAtItem !== null && ` – ${m.leftAt({ n: a.leftAtItem })}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The minutes checkers and whether they have checked. */
export function CheckersLine({
  minutes,
}: {
  minutes: NonNullable<MeetingRecordView["minutes"]>;
}) {
  const { t, dateTime } = useI18n();
  const m = t.minutes;
  if (minutes.checkers.length === 0)
    return <p className="muted">{m.noCheckers}</p>;
  return (
    <ul>
      {minutes.checkers.map((c) => (
        <li key={c.userId}>
          {c.personName}:{" "}
          {c.checkedAt
            ? m.checkedAt({ when: dateTime(c.checkedAt) })
            : m.notChecked}
        </li>
      ))}
    </ul>
  );
}

/** Action items as a table: overdue ones marked in words, not only by colour. */
export function ActionsTable(props: {
  actions: readonly (ActionItem & {
    meetingTitle?: Bi;
    forumName?: Bi;
    meetingId: string;
    canClose?: boolean;
  })[];
  parties: readonly { id: string; name: Record<"fi" | "sv" | "en", string> }[];
  today: string;
  caption: string;
  showMeeting?: boolean;
  renderClose?: (a: ActionItem) => ReactNode;
}) {
  const { t, lang, href, date } = useI18n();
  const m = t.minutes;
  const bi = useBi();
  const party = (id: string) =>
    props.parties.find((p) => p.id === id)?.name[lang] ?? "";
  const id = useId();
  if (props.actions.length === 0) return <p className="muted">{m.noActions}</p>;
  return (
    <TableScroll labelledBy={id}>
      <table className="table">
        <caption id={id}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.actionTitle}</th>
            <th scope="col">{m.owner}</th>
            <th scope="col">{m.dueOn}</th>
            <th scope="col">{m.status}</th>
            {props.showMeeting && <th scope="col">{m.meeting}</th>}
          </tr>
        </thead>
        <tbody>
          {props.actions.map((a) => {
            const overdue = a.status === "open" && a.dueOn < props.today;
            return (
              <tr key={a.id}>
                <th scope="row">
                  {a.title}
                  {a.itemPosition !== null && (
                    <span className="muted">
                      {" "}
                      ({m.fromItem({ n: a.itemPosition })})
                    </span>
                  )}
                </th>
                <td>
                  {party(a.ownerPartyId)}
                  {a.ownerPerson && `, ${a.ownerPerson}`}
                </td>
                <td>{date(a.dueOn)}</td>
                <td>
                  {overdue ? (
                    <strong className="tag tag--danger">{m.overdue}</strong>
                  ) : (
                    m.actionStatuses[a.status]
                  )}
                  {a.status !== "open" && a.closedNote && (
                    <div>{a.closedNote}</div>
                  )}
                  {props.renderClose?.(a)}
                </td>
                {props.showMeeting && (
                  <td>
                    <a href={href(`/meetings/${a.meetingId}`)}>
                      {a.forumName && a.meetingTitle
                        ? `${bi(a.forumName)}: ${bi(a.meetingTitle)}`
                        : m.meeting}
                    </a>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
