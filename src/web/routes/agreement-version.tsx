import { getVersion } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-version';
import { ctxOf } from '../app-context.ts';
import { AgreementContent, pickText } from '../components/agreement-content.tsx';
import { useI18n } from '../i18n.tsx';
import { load } from '../run.server.ts';
import { publicPageHeaders } from '../public-page.ts';

/** Anonymous visitors may get this page from the page cache (no forms or per-visitor content for them). */
export const headers = publicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getVersion(ctxOf(context), params.id, Number(params.number)));
}

export default function AgreementVersionPage({ loaderData }: Route.ComponentProps) {
  const { t, lang, href, date, dateTime } = useI18n();
  const { agreement, version, content, presentations, versions, hashVerified, needsSwedish } = loaderData;
  const title = t.agreements.versionTitle(version.number, version.label);
  const agreementTitle = pickText(content.title, lang);
  const previous = versions.filter((v) => v.number < version.number).at(-1);
  return (
    <div className="page">
      <title>{`${title} – ${agreementTitle.text} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/regions/${agreement.countyCode}/agreements`)}>{t.agreements.regionLink}</a> ›{' '}
        <a href={href(`/agreements/${agreement.id}`)} lang={agreementTitle.lang === lang ? undefined : agreementTitle.lang}>
          {agreementTitle.text}
        </a>
      </nav>
      <h1>{title}</h1>
      <p className="lead" lang={agreementTitle.lang === lang ? undefined : agreementTitle.lang}>
        {agreementTitle.text}
      </p>
      <dl className="facts">
        <div>
          <dt>{t.agreements.colPublished}</dt>
          <dd>{dateTime(version.publishedAt)}</dd>
        </div>
        <div>
          <dt>{t.agreements.visibility}</dt>
          <dd>{version.isPublic ? t.agreements.publicVersion : t.agreements.internalVersion}</dd>
        </div>
        <div>
          <dt>{t.agreements.colValidity}</dt>
          <dd>{t.agreements.validity(date(content.validity.from), content.validity.until ? date(content.validity.until) : null)}</dd>
        </div>
        <div className="facts__wide">
          <dt>{t.agreements.hash}</dt>
          <dd>
            <code className="hash">{version.sha256}</code>
            <br />
            {hashVerified ? t.agreements.hashVerified : <strong>{t.agreements.hashMismatch}</strong>}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="export-h">
        <h2 id="export-h">{t.agreementDocument.exportHeading}</h2>
        <ul>
          {(['fi', 'sv'] as const).map((l) => (
            <li key={l}>
              <a href={href(`/agreements/${agreement.id}/versions/${version.number}/export.docx?lang=${l}`)} download>
                {t.agreementDocument.exportDocx(t.agreementDocument.langNames[l])}
              </a>
              {' · '}
              <a href={href(`/agreements/${agreement.id}/versions/${version.number}/export.pdf?lang=${l}`)} download>
                {t.agreementDocument.exportPdf(t.agreementDocument.langNames[l])}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <p>
        <a href={href(`/agreements/${agreement.id}/record`)}>{t.agreementDocument.record.link}</a>
      </p>
      {previous && (
        <p>
          <a href={href(`/agreements/${agreement.id}/diff?from=${previous.number}&to=${version.number}`)}>{t.agreements.compareWithPrevious(previous.number)}</a>
        </p>
      )}
      {presentations.length > 0 && (
        <section aria-labelledby="pres-h">
          <h2 id="pres-h">{t.agreements.presentationsHeading}</h2>
          <ul>
            {presentations.map((p) => (
              <li key={p.id}>
                {t.agreements.presentation(p.versionNumber, p.forumName, date(p.presentedOn))}
                {p.note && <span className="muted"> – {p.note}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="content-h">
        <h2 id="content-h">{t.agreements.contentHeading}</h2>
        <AgreementContent content={content} needsSwedish={needsSwedish} />
      </section>
      <section aria-labelledby="parties-h">
        <h2 id="parties-h">{t.agreements.partiesHeading(content.parties.length)}</h2>
        <ul className="columns">
          {content.parties.map((p) => (
            <li key={p.id}>
              {pickText(p.name, lang).text}
              {p.businessId && <span className="muted"> ({p.businessId})</span>}
              {p.id === content.coordinatingPartyId && <span className="muted"> – {t.agreements.coordinatorMark}</span>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
