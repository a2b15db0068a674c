import {
  annulNegotiation,
  annulObligationDocument,
  getRegionObligations,
  OBLIGATIONS,
  recordNegotiation,
  recordObligationDocument,
  type ObligationView,
  type RegionObligationsForActor,
} from '#modules/obligations/index.ts';
import type { Route } from './+types/region-obligations';
import { ctxOf } from '../app-context.ts';
import { CheckboxList } from '../components/choice-lists.tsx';
import { ErrorSummary, FileField, Notice, PostForm, SelectField, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { ObligationFacts, ObligationStatusTag, useObligationTitle, usePeriodLabel } from '../components/obligation-parts.tsx';
import { attempt } from '../forms.server.ts';
import { useI18n } from '../i18n.tsx';
import { readFormWithFiles } from '../multipart.server.ts';
import { dailyPublicPageHeaders } from '../public-page.ts';
import { langOf, load } from '../run.server.ts';

/** For anonymous visitors the page has no forms and depends only on the data and today's date (Helsinki). */
export const headers = dailyPublicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return load(request, () => getRegionObligations(ctxOf(context), params.code));
}

/** Records a negotiation or a document (multipart, with its file), or annuls one (intent=annul-…). */
export async function action({ context, params, request }: Route.ActionArgs) {
  const { values, lists, files } = await readFormWithFiles(request, context, { fileFields: ['minutes', 'file'] });
  const ctx = ctxOf(context);
  const participantIds = lists.participantIds ?? [];
  const kept = { ...values, participantIds: participantIds.join(',') };
  const res = await attempt(langOf(request), kept, async () => {
    switch (values.intent) {
      case 'negotiation':
        return recordNegotiation(ctx, params.code, { ...values, participantIds }, files.minutes);
      case 'document':
        return recordObligationDocument(ctx, values, files.file);
      case 'annul-negotiation':
        return annulNegotiation(ctx, values.id ?? '', values);
      case 'annul-document':
        return annulObligationDocument(ctx, values.id ?? '', values);
      default:
        return null;
    }
  });
  if (!res.ok) return res.response;
  return { ok: true as const, intent: values.intent ?? '' };
}

const NEGOTIATED = OBLIGATIONS.filter((o) => o.evidence.includes('negotiation'));
const DOCUMENTED = OBLIGATIONS.filter((o) => o.evidence.includes('document'));

export default function RegionObligationsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, lang, href, date } = useI18n();
  const ob = t.obligations;
  const d = loaderData;
  const title = useObligationTitle();
  const periodLabel = usePeriodLabel();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const intent = failed?.values.intent ?? '';
  const partyName = (id: string) => d.region.parties.find((p) => p.id === id)?.name[lang] ?? '';
  const labels = {
    obligationCode: ob.obligationField,
    heldOn: ob.heldOn,
    title: ob.titleField,
    participantIds: ob.participantsLegend,
    minutes: ob.minutesFile,
    partyId: ob.partyField,
    periodKey: ob.periodField,
    decisionBody: ob.decisionBody,
    decisionDate: ob.decisionDate,
    decisionSection: ob.decisionSection,
    file: ob.documentFile,
    reason: ob.annulReason,
  };
  // Every piece of evidence once, as the periods' tables link it.
  const evidenceLinks: EvidenceLinks = new Map();
  for (const n of d.negotiations) evidenceLinks.set(n.id, { label: `${n.title} (${date(n.heldOn)})`, link: `#evidence-${n.id}` });
  for (const doc of d.documents) evidenceLinks.set(doc.id, { label: `${doc.title} – ${partyName(doc.partyId)}`, link: `#evidence-${doc.id}` });
  for (const m of d.meetings) evidenceLinks.set(m.id, { label: ob.heldMeeting({ date: date(m.startsAt), title: m.title.fi }), link: href(`/meetings/${m.id}`) });
  const v = (intentName: string, field: string) => (intent === intentName ? failed?.values[field] : undefined);
  const err = (intentName: string, field: string) => (intent === intentName ? failed?.fieldErrors[field] : undefined);
  // The fields' ids carry the form's prefix (an annulment form's also the row's id).
  const prefix = intent.startsWith('annul-') ? `${intent}-${failed?.values.id ?? ''}` : intent;
  const prefixed = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, x]) => [`${prefix}-${k}`, x]));
  return (
    <div className="page">
      <title>{`${ob.regionTitle({ name: d.region.name[lang] })} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href('/')}>{t.common.nav.home}</a> › <a href={href(`/regions/${d.region.countyCode}`)}>{d.region.name[lang]}</a>
      </nav>
      <h1>{ob.regionTitle({ name: d.region.name[lang] })}</h1>
      <p className="lead">{ob.intro}</p>
      <p>
        {ob.today({ date: date(d.today) })} · {ob.catalogueVersion({ version: d.catalogueVersion })} · <a href={href('/obligations')}>{ob.nationalLink}</a>
      </p>
      {actionData?.ok && <Notice>{actionData.intent.startsWith('annul') ? ob.annulledNotice : ob.recordedNotice}</Notice>}
      {failed && <ErrorSummary message={failed.message} fieldErrors={prefixed(failed.fieldErrors)} labels={prefixed(labels)} />}

      <section aria-labelledby="deadlines">
        <h2 id="deadlines">{ob.nextDeadlines}</h2>
        {d.nextDeadlines.length === 0 ? (
          <p>{ob.noDeadlines}</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">{ob.nextDeadlines}</caption>
            <thead>
              <tr>
                <th scope="col">{ob.obligationCol}</th>
                <th scope="col">{ob.deadline}</th>
                <th scope="col">{ob.missing}</th>
              </tr>
            </thead>
            <tbody>
              {d.nextDeadlines.map((n) => (
                <tr key={n.obligationCode}>
                  <th scope="row">
                    <a href={`#${n.obligationCode}`}>{title(n.obligationCode as ObligationView['obligation']['code'])}</a>
                  </th>
                  <td>{date(n.deadline)}</td>
                  <td>{ob.missingParties({ count: n.missingPartyIds.length })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {d.obligations.map((ov) => (
        <ObligationSection key={ov.obligation.code} ov={ov} byId={evidenceLinks} partyName={partyName} periodLabel={periodLabel} />
      ))}

      <section aria-labelledby="meetings">
        <h2 id="meetings">{ob.heldMeetings}</h2>
        <p>{ob.heldMeetingsHint}</p>
        {d.meetings.length === 0 ? (
          <p className="muted">{ob.noHeldMeetings}</p>
        ) : (
          <ul>
            {d.meetings.map((m) => (
              <li key={m.id}>
                <a href={href(`/meetings/${m.id}`)}>{ob.heldMeeting({ date: date(m.startsAt), title: lang === 'sv' && m.title.sv ? m.title.sv : m.title.fi })}</a> – {ob.attended({ count: m.attendedPartyIds.length })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="negotiations">
        <h2 id="negotiations">{ob.negotiations}</h2>
        {d.negotiations.length === 0 ? (
          <p className="muted">{ob.noNegotiations}</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">{ob.negotiations}</caption>
            <thead>
              <tr>
                <th scope="col">{ob.titleField}</th>
                <th scope="col">{ob.heldOnCol}</th>
                <th scope="col">{ob.obligationCol}</th>
                <th scope="col">{ob.participants}</th>
                <th scope="col">{ob.minutes}</th>
                {d.permitted.recordNegotiation && <th scope="col">{ob.annulButton}</th>}
              </tr>
            </thead>
            <tbody>
              {d.negotiations.map((n) => (
                <tr key={n.id} id={`evidence-${n.id}`}>
                  <th scope="row">
                    {n.title}
                    {n.annulled && <p className="muted">{ob.annulled({ reason: n.annulled.reason })}</p>}
                  </th>
                  <td>{date(n.heldOn)}</td>
                  <td>{title(n.obligationCode as ObligationView['obligation']['code'])}</td>
                  <td>
                    <details>
                      <summary>{ob.partiesMet({ met: n.participantIds.length, total: d.region.parties.length })}</summary>
                      <ul>
                        {n.participantIds.map((p) => (
                          <li key={p}>{partyName(p)}</li>
                        ))}
                      </ul>
                    </details>
                  </td>
                  <td>{n.minutes ? <a href={href(`/obligations/negotiations/${n.id}/minutes`)}>{n.minutes.fileName}</a> : '–'}</td>
                  {d.permitted.recordNegotiation && (
                    <td>{!n.annulled && <AnnulForm intent="annul-negotiation" id={n.id} rowVersion={n.rowVersion} failed={v('annul-negotiation', 'id') === n.id ? failed : undefined} />}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {d.permitted.recordNegotiation && (
          <section aria-labelledby="record-negotiation" className="card">
            <h3 id="record-negotiation">{ob.recordNegotiation}</h3>
            <p>{ob.recordNegotiationHint}</p>
            <PostForm aria-labelledby="record-negotiation" encType="multipart/form-data">
              <input type="hidden" name="intent" value="negotiation" />
              <SelectField
                idPrefix="negotiation"
                name="obligationCode"
                label={ob.obligationField}
                required
                defaultValue={v('negotiation', 'obligationCode')}
                error={err('negotiation', 'obligationCode')}
                options={NEGOTIATED.map((o) => ({ value: o.code, label: title(o.code) }))}
              />
              <TextField idPrefix="negotiation" name="heldOn" type="date" label={ob.heldOn} required defaultValue={v('negotiation', 'heldOn')} error={err('negotiation', 'heldOn')} />
              <TextField idPrefix="negotiation" name="title" label={ob.titleField} required defaultValue={v('negotiation', 'title')} error={err('negotiation', 'title')} />
              <CheckboxList
                idPrefix="negotiation"
                name="participantIds"
                legend={ob.participantsLegend}
                columns
                error={err('negotiation', 'participantIds')}
                options={d.region.parties.map((p) => ({ value: p.id, label: p.name[lang] }))}
                checked={(v('negotiation', 'participantIds') ?? '').split(',').filter(Boolean)}
              />
              <FileField idPrefix="negotiation" name="minutes" label={ob.minutesFile} accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" error={err('negotiation', 'minutes')} />
              <SubmitButton>{ob.recordButton}</SubmitButton>
            </PostForm>
          </section>
        )}
      </section>

      <section aria-labelledby="documents">
        <h2 id="documents">{ob.documents}</h2>
        {d.documents.length === 0 ? (
          <p className="muted">{ob.noDocuments}</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">{ob.documents}</caption>
            <thead>
              <tr>
                <th scope="col">{ob.titleField}</th>
                <th scope="col">{ob.partyField}</th>
                <th scope="col">{ob.obligationCol}</th>
                <th scope="col">{ob.decisionCol}</th>
                <th scope="col">{ob.file}</th>
                {d.permitted.documentPartyIds.length > 0 && <th scope="col">{ob.annulButton}</th>}
              </tr>
            </thead>
            <tbody>
              {d.documents.map((doc) => (
                <tr key={doc.id} id={`evidence-${doc.id}`}>
                  <th scope="row">
                    {doc.title}
                    {doc.annulled && <p className="muted">{ob.annulled({ reason: doc.annulled.reason })}</p>}
                  </th>
                  <td>{partyName(doc.partyId)}</td>
                  <td>{title(doc.obligationCode as ObligationView['obligation']['code'])}</td>
                  <td>{ob.decision({ body: doc.decision.body, date: date(doc.decision.date), section: doc.decision.section })}</td>
                  <td>
                    <a href={href(`/obligations/documents/${doc.id}/file`)}>{doc.fileName}</a>
                  </td>
                  {d.permitted.documentPartyIds.length > 0 && (
                    <td>
                      {!doc.annulled && d.permitted.documentPartyIds.includes(doc.partyId) && (
                        <AnnulForm intent="annul-document" id={doc.id} rowVersion={doc.rowVersion} failed={v('annul-document', 'id') === doc.id ? failed : undefined} />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {d.permitted.documentPartyIds.length > 0 && (
          <section aria-labelledby="record-document" className="card">
            <h3 id="record-document">{ob.recordDocument}</h3>
            <p>{ob.recordDocumentHint}</p>
            <PostForm aria-labelledby="record-document" encType="multipart/form-data">
              <input type="hidden" name="intent" value="document" />
              <SelectField
                idPrefix="document"
                name="partyId"
                label={ob.partyField}
                required
                defaultValue={v('document', 'partyId')}
                error={err('document', 'partyId')}
                options={d.permitted.documentPartyIds.map((p) => ({ value: p, label: partyName(p) }))}
              />
              <SelectField
                idPrefix="document"
                name="obligationCode"
                label={ob.obligationField}
                required
                defaultValue={v('document', 'obligationCode')}
                error={err('document', 'obligationCode')}
                options={DOCUMENTED.map((o) => ({ value: o.code, label: title(o.code) }))}
              />
              <SelectField
                idPrefix="document"
                name="periodKey"
                label={ob.periodField}
                required
                defaultValue={v('document', 'periodKey')}
                error={err('document', 'periodKey')}
                options={periodOptions(d, periodLabel)}
              />
              <TextField idPrefix="document" name="title" label={ob.titleField} required defaultValue={v('document', 'title')} error={err('document', 'title')} />
              <TextField idPrefix="document" name="decisionBody" label={ob.decisionBody} required defaultValue={v('document', 'decisionBody')} error={err('document', 'decisionBody')} />
              <TextField idPrefix="document" name="decisionDate" type="date" label={ob.decisionDate} required defaultValue={v('document', 'decisionDate')} error={err('document', 'decisionDate')} />
              <TextField idPrefix="document" name="decisionSection" label={ob.decisionSection} required defaultValue={v('document', 'decisionSection')} error={err('document', 'decisionSection')} />
              <FileField idPrefix="document" name="file" label={ob.documentFile} required accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" error={err('document', 'file')} />
              <SubmitButton>{ob.recordButton}</SubmitButton>
            </PostForm>
          </section>
        )}
      </section>
    </div>
  );
}

/** Every period of the documented obligations, once each (the use case checks that it fits the obligation). */
function periodOptions(d: RegionObligationsForActor, periodLabel: ReturnType<typeof usePeriodLabel>) {
  const seen = new Map<string, string>();
  for (const ov of d.obligations)
    if (ov.obligation.evidence.includes('document')) for (const p of ov.periods) if (!seen.has(p.period.key)) seen.set(p.period.key, periodLabel(p.period));
  return [...seen].sort((a, b) => b[0].localeCompare(a[0])).map(([value, label]) => ({ value, label }));
}

type EvidenceLinks = Map<string, { label: string; link: string }>;

function ObligationSection({
  ov,
  byId,
  partyName,
  periodLabel,
}: {
  ov: ObligationView;
  byId: EvidenceLinks;
  partyName: (id: string) => string;
  periodLabel: ReturnType<typeof usePeriodLabel>;
}) {
  const { t } = useI18n();
  const ob = t.obligations;
  const o = ov.obligation;
  return (
    <section aria-labelledby={o.code}>
      <h2 id={o.code}>{ob.obligation[o.code].title}</h2>
      <ObligationFacts o={o} />
      <table className="table">
        <caption className="visually-hidden">{ob.obligation[o.code].title}</caption>
        <thead>
          <tr>
            <th scope="col">{ob.period}</th>
            <th scope="col">{ob.status}</th>
            <th scope="col">{ob.evidence}</th>
            <th scope="col">{ob.missing}</th>
          </tr>
        </thead>
        <tbody>
          {ov.periods.map((p) => {
            const ids = [...new Set(p.parties.flatMap((x) => x.evidenceIds))];
            return (
              <tr key={p.period.key}>
                <th scope="row">{periodLabel(p.period)}</th>
                <td>
                  <ObligationStatusTag status={p.status} />
                  <br />
                  {ob.partiesMet({ met: p.parties.length - p.missingPartyIds.length, total: p.parties.length })}
                </td>
                <td>
                  {ids.length === 0 ? (
                    ob.noEvidence
                  ) : (
                    <ul className="plain-list">
                      {ids.map((id) => {
                        const e = byId.get(id);
                        return <li key={id}>{e ? <a href={e.link}>{e.label}</a> : id}</li>;
                      })}
                    </ul>
                  )}
                </td>
                <td>
                  {p.missingPartyIds.length === 0 ? (
                    ob.allMet
                  ) : (
                    <details>
                      <summary>{ob.missingParties({ count: p.missingPartyIds.length })}</summary>
                      <ul>
                        {p.missingPartyIds.map((id) => (
                          <li key={id}>{partyName(id)}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function AnnulForm({ intent, id, rowVersion, failed }: { intent: string; id: string; rowVersion: number; failed?: { values: Record<string, string>; fieldErrors: Record<string, string> } }) {
  const { t } = useI18n();
  const ob = t.obligations;
  return (
    <PostForm>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="rowVersion" value={String(rowVersion)} />
      <TextArea idPrefix={`${intent}-${id}`} name="reason" label={ob.annulReason} required rows={2} defaultValue={failed?.values.reason} error={failed?.fieldErrors.reason} />
      <SubmitButton variant="danger">{ob.annulButton}</SubmitButton>
    </PostForm>
  );
}
