import { summariseComments, type Tally } from '#modules/agreements/index.ts';
import { TableScroll } from '../components/table.tsx';
import type { Route } from './+types/agreement-comments-summary';
import { ctxOf } from '../app-context.ts';
import { pickText } from '../components/agreement-content.tsx';
import { useI18n } from '../i18n.tsx';
import { load } from '../run.server.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const round = new URL(request.url).searchParams.get('round') ?? undefined;
  return { ...(await load(request, () => summariseComments(ctxOf(context), params.id, round))), agreementId: params.id };
}

function TallyCells({ t: x }: { t: Tally }) {
  return (
    <>
      <td className="num">{x.comments}</td>
      <td className="num">{x.statements}</td>
      <td className="num">{x.accepted}</td>
      <td className="num">{x.partlyAccepted}</td>
      <td className="num">{x.notAccepted}</td>
      <td className="num">{x.unanswered}</td>
    </>
  );
}

export default function CommentSummaryPage({ loaderData }: Route.ComponentProps) {
  const { t, lang, href, date, dateTime } = useI18n();
  const s = loaderData;
  const title = pickText(s.agreementTitle, lang);
  const tallyHeads = (
    <>
      <th scope="col" className="num">{t.agreements.colComments}</th>
      <th scope="col" className="num">{t.agreements.colStatements}</th>
      <th scope="col" className="num">{t.agreements.colAccepted}</th>
      <th scope="col" className="num">{t.agreements.colPartly}</th>
      <th scope="col" className="num">{t.agreements.colNotAccepted}</th>
      <th scope="col" className="num">{t.agreements.colUnanswered}</th>
    </>
  );
  const csvHref = href(`/agreements/${s.agreementId}/comments.csv${s.round ? `?round=${s.round.id}` : ''}`);
  return (
    <div className="page">
      <title>{`${t.agreements.summaryTitle} – ${title.text} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/agreements/${s.agreementId}`)} lang={title.lang === lang ? undefined : title.lang}>
          {title.text}
        </a>{' '}
        › <a href={href(`/agreements/${s.agreementId}/comments${s.round ? `?round=${s.round.id}` : ''}`)}>{t.agreements.commentsTitle}</a>
      </nav>
      <h1>{t.agreements.summaryTitle}</h1>
      {!s.round ? (
        <p>{t.agreements.noRoundYet}</p>
      ) : (
        <>
          <p className="lead">
            {t.agreements.roundLabel(s.round.versionNumber, s.round.versionLabel, date(s.round.deadline))}
          </p>
          <p>
            <a className="button button--secondary" href={csvHref} download>
              {t.agreements.downloadCsv}
            </a>
          </p>
          <TableScroll labelledBy="sum-by-section">
          <table className="table">
            <caption id="sum-by-section">{t.agreements.bySection}</caption>
            <thead>
              <tr>
                <th scope="col">{t.agreements.colSection}</th>
                {tallyHeads}
              </tr>
            </thead>
            <tbody>
              {s.bySection.map((row, i) => (
                <tr key={row.sectionId ?? 'whole'}>
                  <th scope="row">{row.heading ? `${i + 1}. ${pickText(row.heading, lang).text}` : t.agreements.wholeAgreement}</th>
                  <TallyCells t={row.tally} />
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
          <TableScroll labelledBy="sum-by-party">
          <table className="table">
            <caption id="sum-by-party">{t.agreements.byParty}</caption>
            <thead>
              <tr>
                <th scope="col">{t.agreements.colParty}</th>
                <th scope="col">{t.agreements.colStatementFiled}</th>
                {tallyHeads}
              </tr>
            </thead>
            <tbody>
              {s.byParty.map((row) => (
                <tr key={row.party.id}>
                  <th scope="row">{row.party.name[lang]}</th>
                  <td>{row.statementFiled ? t.common.yes : t.common.no}</td>
                  <TallyCells t={row.tally} />
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
          <TableScroll labelledBy="sum-all">
          <table className="table">
            <caption id="sum-all">{t.agreements.allComments}</caption>
            <thead>
              <tr>
                <th scope="col">{t.agreements.colFiled}</th>
                <th scope="col">{t.agreements.colParty}</th>
                <th scope="col">{t.agreements.colSection}</th>
                <th scope="col">{t.agreements.colKind}</th>
                <th scope="col">{t.agreements.colComment}</th>
                <th scope="col">{t.agreements.colAnswer}</th>
              </tr>
            </thead>
            <tbody>
              {s.rows.map(({ comment: c, party, section }) => (
                <tr key={c.id}>
                  <td>{dateTime(c.createdAt)}</td>
                  <td>{party?.name[lang] ?? ''}</td>
                  <td>{section ? pickText(section, lang).text : t.agreements.wholeAgreement}</td>
                  <td>{t.agreements.kinds2[c.kind]}</td>
                  <td lang={c.lang === lang ? undefined : c.lang}>{c.body}</td>
                  <td>
                    {c.answer ? (
                      <>
                        <strong>{t.agreements.answers[c.answer]}.</strong> {c.answerReasoning}
                      </>
                    ) : (
                      <span className="muted">{t.agreements.unanswered}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        </>
      )}
    </div>
  );
}
