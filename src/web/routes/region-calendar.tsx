import { plusMonths, getRegionCalendar, MEETING_KINDS, VIEW_MONTHS, type CalendarEntry } from '#modules/forums/index.ts';
import { TIME_ZONE } from '#platform/clock.ts';
import type { Lang } from '#i18n/index.ts';
import type { Route } from './+types/region-calendar';
import { ctxOf } from '../app-context.ts';
import { Notice } from '../components/forms.tsx';
import { useI18n } from '../i18n.tsx';
import { dailyPublicPageHeaders } from '../public-page.ts';
import { load } from '../run.server.ts';

/** For anonymous visitors the page (a GET form, no CSRF token) depends only on the URL, the data and today's date. */
export const headers = dailyPublicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const q = new URL(request.url).searchParams;
  return load(request, () => getRegionCalendar(ctxOf(context), params.code, { when: q.get('when'), forum: q.get('forum'), kind: q.get('kind') }));
}

const LOCALES: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** Formatters of one page render (building an Intl.DateTimeFormat costs far more than using one). */
function useCalendarFormats(lang: Lang) {
  const locale = LOCALES[lang];
  const day = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, weekday: 'short', day: 'numeric', month: lang === 'en' ? 'short' : 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  const month = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' });
  return {
    /** 'Joulukuu 2026' from '2026-12'. */
    month: (ym: string) => {
      const s = month.format(new Date(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7) - 1, 15)));
      return s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);
    },
    /** 'ma 14.12. 10.00–12.00'; a meeting over several days shows its end day too. */
    when: (start: Date, end: Date, join: (a: string, b: string) => string) => {
      const sameDay = ymd.format(start) === ymd.format(end);
      return sameDay ? `${day.format(start)} ${join(time.format(start), time.format(end))}` : join(`${day.format(start)} ${time.format(start)}`, `${day.format(end)} ${time.format(end)}`);
    },
  };
}

export default function RegionCalendarPage({ loaderData }: Route.ComponentProps) {
  const { t, lang, href, date } = useI18n();
  const c = t.calendar;
  const { region, forums, filter, notices, months, count, years } = loaderData;
  const fmt = useCalendarFormats(lang);
  const title = c.regionTitle(region.name[lang]);
  const forumName = (n: { fi: string; sv: string }) => (lang === 'sv' && n.sv ? n.sv : n.fi);
  const when = filter.range.kind === 'year' ? String(filter.range.year) : filter.range.kind;
  const today = loaderData.today;
  const showing =
    filter.range.kind === 'year'
      ? c.showing.year(filter.range.year)
      : filter.range.kind === 'upcoming'
        ? c.showing.upcoming(date(today), date(plusMonths(today, VIEW_MONTHS)))
        : c.showing.past(date(plusMonths(today, -VIEW_MONTHS)), date(today));
  const publicForums = forums.filter((f) => f.isPublic);
  return (
    <div className="page">
      <title>{`${title} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href('/')}>{t.common.nav.home}</a> › <a href={href(`/regions/${region.code}`)}>{region.name[lang]}</a> ›{' '}
        <a href={href(`/regions/${region.code}/forums`)}>{t.forums.regionTitle}</a>
      </nav>
      <h1>{title}</h1>
      <p className="lead">{c.intro}</p>
      {notices.length > 0 && (
        <Notice>
          {notices.map((n) => (
            <span key={n}>{c.notices[n]} </span>
          ))}
        </Notice>
      )}
      <form method="get" action={href(`/regions/${region.code}/calendar`)} className="filters" aria-label={c.filtersLegend}>
        <div className="field">
          <label htmlFor="f-when">{c.when}</label>
          <select id="f-when" name="when" defaultValue={when}>
            <option value="upcoming">{c.upcoming}</option>
            <option value="past">{c.past}</option>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {c.year(y)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-forum">{c.forum}</label>
          <select id="f-forum" name="forum" defaultValue={filter.forumId ?? ''}>
            <option value="">{c.allForums}</option>
            {forums.map((f) => (
              <option key={f.id} value={f.id}>
                {forumName(f.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-kind">{c.kind}</label>
          <select id="f-kind" name="kind" defaultValue={filter.kind ?? ''}>
            <option value="">{c.allKinds}</option>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.forums.kindNames[k]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {c.show}
        </button>
      </form>

      <section aria-labelledby="meetings-h">
        <h2 id="meetings-h">{showing}</h2>
        <p>{c.count(count)}</p>
        {months.length === 0 && <p>{c.noMeetings}</p>}
        {months.map((m) => (
          <section key={m.month} aria-labelledby={`month-${m.month}`} className="calendar-month">
            <h3 id={`month-${m.month}`}>{fmt.month(m.month)}</h3>
            <ul className="plain-list calendar-list">
              {m.entries.map((e) => (
                <CalendarItem key={e.meeting.id} e={e} when={fmt.when(new Date(e.meeting.startsAt), new Date(e.meeting.endsAt), c.time)} forumName={forumName(e.forum.name)} />
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section aria-labelledby="subscribe-h">
        <h2 id="subscribe-h">{c.subscribeTitle}</h2>
        <p>{c.subscribeIntro}</p>
        <ul>
          <li>
            <a href={href(`/regions/${region.code}/calendar.ics`)}>{c.regionFeed(region.name[lang])}</a>
          </li>
          {publicForums.map((f) => (
            <li key={f.id}>
              <a href={href(`/forums/${f.id}/calendar.ics`)}>{c.forumFeed(forumName(f.name))}</a>
            </li>
          ))}
        </ul>
        <p>
          {c.personalHint} <a href={href('/my-calendar')}>{c.personalLink}</a>
        </p>
      </section>
    </div>
  );
}

function CalendarItem({ e, when, forumName }: { e: CalendarEntry; when: string; forumName: string }) {
  const { t, lang, href } = useI18n();
  const m = e.meeting;
  const cancelled = m.state === 'cancelled';
  const title = lang === 'sv' && m.title.sv ? m.title.sv : m.title.fi;
  return (
    <li className={cancelled ? 'calendar-item calendar-item--cancelled' : 'calendar-item'}>
      <time dateTime={new Date(m.startsAt).toISOString()} className="calendar-item__when">
        {when}
      </time>{' '}
      {cancelled && <span className="tag tag--warning">{t.calendar.cancelled}</span>}
      <a href={href(`/meetings/${m.id}`)}>{title}</a>
      <span className="calendar-item__meta">
        {' – '}
        {forumName}
        {!e.forum.isPublic && <span className="tag">{t.calendar.internal}</span>}
        {m.kinds.map((k) => (
          <span key={k} className="tag">
            {t.forums.kindNames[k]}
          </span>
        ))}
        {m.place && <span className="muted"> · {m.place}</span>}
      </span>
    </li>
  );
}
