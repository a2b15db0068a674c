import { getPublicRecord } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-record';
import { ctxOf } from '../app-context.ts';
import { pickText } from '../components/agreement-content.tsx';
import { TableScroll } from '../components/table.tsx';
import { useI18n } from '../i18n.tsx';
import { scanLinkText } from '../approval-text.ts';
import { publicPageHeaders } from '../public-page.ts';
import { load } from '../run.server.ts';

export const headers = publicPageHeaders;

/** Public (no sign-in): the agreement's public versions, and every party's decisions and signatures on them. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getPublicRecord(ctxOf(context), params.id));
}

export default function AgreementRecordPage({ loaderData }: Route.ComponentProps) {
  const i = useI18n();
  const { t, lang, href, date, dateTime } = i;
  const ap = t.agreements.approval;
  const { agreement: a, versions, parties } = loaderData;
  const r = t.agreementDocument.record;
  const title = pickText(a.title, lang);
  const otherLang = title.lang === lang ? undefined : title.lang;
  return (
    <div className="page">
      <title>{`${r.title} – ${title.text} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/regions/${a.countyCode}/agreements`)}>{t.agreements.regionLink}</a> ›{' '}
        <a href={href(`/agreements/${a.id}`)} lang={otherLang}>
          {title.text}
        </a>
      </nav>
      <h1>{r.title}</h1>
      <p className="lead" lang={otherLang}>
        {title.text}
      </p>
      <p>{r.intro}</p>
      {a.entersIntoForceOn && <p>{r.entersIntoForce(date(a.entersIntoForceOn))}</p>}

      <section aria-labelledby="versions-h">
        <h2 id="versions-h">{r.versionsHeading}</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{r.colVersion}</th>
              <th scope="col">{r.colPublished}</th>
              <th scope="col">{r.colHash}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <th scope="row">
                  <a href={href(`/agreements/${a.id}/versions/${v.number}`)}>{t.agreements.versionTitle(v.number, v.label)}</a>
                </th>
                <td>{dateTime(v.publishedAt)}</td>
                <td>
                  <code className="hash">{v.sha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {parties.map(({ party, decisions, signatures }) => (
        <section key={party.id} aria-labelledby={`p-${party.id}`}>
          <h2 id={`p-${party.id}`}>
            {party.name[lang]}
            {party.businessId && <span className="muted"> ({party.businessId})</span>}
          </h2>
          <h3 id={`d-${party.id}`}>{r.decisions}</h3>
          {decisions.length === 0 ? (
            <p>{r.noDecisions}</p>
          ) : (
            <TableScroll labelledBy={`p-${party.id} d-${party.id}`}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t.agreementDocument.colBody}</th>
                    <th scope="col">{t.agreementDocument.colDate}</th>
                    <th scope="col">{t.agreementDocument.colSection}</th>
                    <th scope="col">{r.colVersion}</th>
                    <th scope="col">{t.agreementDocument.colOutcome}</th>
                  </tr>
                </thead>
                <tbody>
                  {decisions.map((d) => (
                    <tr key={d.id} className={d.annulled ? 'record--withdrawn' : undefined}>
                      <th scope="row">{d.annulled ? <del>{pickText(d.body, lang).text}</del> : pickText(d.body, lang).text}</th>
                      <td>{date(d.meetingDate)}</td>
                      <td>{d.section}</td>
                      <td>{d.versionNumber}</td>
                      <td>
                        {d.annulled ? <del>{t.agreementDocument.outcomes[d.outcome]}</del> : t.agreementDocument.outcomes[d.outcome]}
                        {d.annulled && (
                          <>
                            <br />
                            <span className="tag tag--warning">{ap.annulledTag}</span> {d.annulled.reason} ({dateTime(d.annulled.at)})
                          </>
                        )}
                        {d.minutesUrl && (
                          <>
                            {' '}
                            (<a href={d.minutesUrl}>{r.minutes}</a>)
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <h3>{r.signatures}</h3>
          {signatures.length === 0 ? (
            <p>{r.noSignatures}</p>
          ) : (
            <ul>
              {signatures.map((s) => (
                <li key={s.id} className={s.revoked ? 'record--withdrawn' : undefined}>
                  {s.revoked ? (
                    <del>
                      {r.signature(s.signerName, s.signerTitle, date(s.signedOn))} – {t.agreementDocument.methods[s.method]}
                    </del>
                  ) : (
                    <>
                      {r.signature(s.signerName, s.signerTitle, date(s.signedOn))} – {t.agreementDocument.methods[s.method]}
                    </>
                  )}{' '}
                  ({r.colVersion.toLowerCase()} {s.versionNumber})
                  {s.revoked && (
                    <>
                      <br />
                      <span className="tag tag--warning">{ap.revokedTag}</span> {s.revoked.reason} ({dateTime(s.revoked.at)})
                    </>
                  )}
                  <br />
                  <code className="hash">{s.sha256}</code>
                  {s.scan && (
                    <>
                      <br />
                      <a href={href(`/agreements/${a.id}/signatures/${s.id}/scan`)} download>
                        {scanLinkText(i, s.scan)}
                      </a>{' '}
                      <span className="muted">{ap.scanHash(s.scan.sha256)}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
