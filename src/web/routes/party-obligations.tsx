import { getPartyObligations } from '#modules/obligations/index.ts';
import type { Route } from './+types/party-obligations';
import { ctxOf } from '../app-context.ts';
import { ObligationStatusTag, usePeriodLabel } from '../components/obligation-parts.tsx';
import { useI18n } from '../i18n.tsx';
import { dailyPublicPageHeaders } from '../public-page.ts';
import { load } from '../run.server.ts';

/** Public, the same for everyone; the statuses depend on today's date (Helsinki). */
export const headers = dailyPublicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getPartyObligations(ctxOf(context), params.id));
}

export default function PartyObligationsPage({ loaderData }: Route.ComponentProps) {
  const { t, lang, href, date } = useI18n();
  const ob = t.obligations;
  const d = loaderData;
  const periodLabel = usePeriodLabel();
  const party = d.region.parties.find((p) => p.id === d.partyId);
  const name = party?.name[lang] ?? '';
  // Open first: what is overdue or due now, then the rest newest first (as the use case gives them).
  const rank = { overdue: 0, due: 1, not_yet_due: 2, met: 3 } as const;
  const rows = [...d.rows].sort((a, b) => rank[a.status.status] - rank[b.status.status]);
  return (
    <div className="page">
      <title>{`${ob.partyTitle({ name })} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href('/')}>{t.common.nav.home}</a> › <a href={href(`/parties/${d.partyId}`)}>{name}</a>
      </nav>
      <h1>{ob.partyTitle({ name })}</h1>
      <p>
        {ob.today({ date: date(d.today) })} · <a href={href(`/regions/${d.region.countyCode}/obligations`)}>{ob.regionTitle({ name: d.region.name[lang] })}</a>
      </p>
      <table className="table">
        <caption>{ob.ownList}</caption>
        <thead>
          <tr>
            <th scope="col">{ob.obligationCol}</th>
            <th scope="col">{ob.period}</th>
            <th scope="col">{ob.status}</th>
            <th scope="col">{ob.deadline}</th>
            <th scope="col">{ob.evidence}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.obligation.code}:${r.period.key}`}>
              <th scope="row">
                <a href={href(`/regions/${d.region.countyCode}/obligations#${r.obligation.code}`)}>{ob.obligation[r.obligation.code].title}</a>
              </th>
              <td>{periodLabel(r.period)}</td>
              <td>
                <ObligationStatusTag status={r.status.status} />
              </td>
              <td>{date(r.status.deadline)}</td>
              <td>
                {r.evidence.length === 0 ? (
                  ob.noEvidence
                ) : (
                  <ul className="plain-list">
                    {r.evidence.map((e) => (
                      <li key={e.id}>
                        {e.kind === 'meeting' ? <a href={href(`/meetings/${e.id}`)}>{ob.heldMeeting({ date: date(e.date), title: e.title })}</a> : `${e.title} (${date(e.date)}, ${ob.evidenceKinds[e.kind]})`}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
