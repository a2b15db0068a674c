import type { Bilingual, RenderedContent } from '#modules/agreements/index.ts';
import { useI18n } from '../i18n.tsx';

/** Agreement texts exist in Finnish and Swedish; a Swedish page falls back to Finnish (marked), others show Finnish. */
export function pickText(b: Bilingual, lang: string): { text: string; lang: 'fi' | 'sv'; fallback: boolean } {
  if (lang === 'sv') return b.sv.trim() ? { text: b.sv, lang: 'sv', fallback: false } : { text: b.fi, lang: 'fi', fallback: true };
  return { text: b.fi, lang: 'fi', fallback: false };
}

function Text({ value, as: Tag = 'span' }: { value: Bilingual; as?: 'span' | 'p' }) {
  const { lang } = useI18n();
  const p = pickText(value, lang);
  return <Tag lang={p.lang === lang ? undefined : p.lang}>{p.text}</Tag>;
}

/** Server-rendered, sanitised HTML (markdown-it, html off, link allow-list: see modules/agreements/markdown.ts). */
function Html({ html, lang }: { html: Bilingual; lang: string }) {
  const useSv = lang === 'sv' && html.sv.trim() !== '';
  const content = useSv ? html.sv : html.fi;
  const contentLang = useSv ? 'sv' : 'fi';
  return <div className="agreement-text" lang={contentLang === lang ? undefined : contentLang} dangerouslySetInnerHTML={{ __html: content }} />;
}

function Areas({ content }: { content: RenderedContent }) {
  const { t, lang } = useI18n();
  if (content.areas.length === 0) return <p className="muted">{t.agreements.noAreas}</p>;
  return (
    <ol className="agreement-items">
      {content.areas.map((a) => (
        <li key={a.id}>
          <h4>
            <Text value={a.name} />
          </h4>
          {(a.descriptionHtml.fi || a.descriptionHtml.sv) && <Html html={a.descriptionHtml} lang={lang} />}
          <dl className="facts">
            {[
              [t.agreements.countySide, a.countySide],
              [t.agreements.municipalSide, a.municipalSide],
              [t.agreements.regionalCouncilSide, a.regionalCouncilSide],
            ]
              .filter(([, v]) => (v as Bilingual).fi.trim())
              .map(([label, v]) => (
                <div key={label as string}>
                  <dt>{label as string}</dt>
                  <dd>
                    <Text value={v as Bilingual} />
                  </dd>
                </div>
              ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}

function Forums({ content }: { content: RenderedContent }) {
  const { t, lang } = useI18n();
  if (content.forums.length === 0) return <p className="muted">{t.agreements.noForums}</p>;
  return (
    <ol className="agreement-items">
      {content.forums.map((f) => (
        <li key={f.id}>
          <h4>
            <Text value={f.name} />
          </h4>
          <dl className="facts">
            <div>
              <dt>{t.agreements.level}</dt>
              <dd>{t.agreements.levels[f.level]}</dd>
            </div>
            <div>
              <dt>{t.agreements.frequency}</dt>
              <dd>
                {t.agreements.frequencies[f.frequency]}
                {f.frequencyNote.fi.trim() && (
                  <>
                    {' – '}
                    <Text value={f.frequencyNote} />
                  </>
                )}
              </dd>
            </div>
            {f.purpose.fi.trim() && (
              <div>
                <dt>{t.agreements.purpose}</dt>
                <dd>
                  <Text value={f.purpose} />
                </dd>
              </div>
            )}
          </dl>
          <h5>{t.agreements.members}</h5>
          {f.members.length === 0 ? (
            <p className="muted">{t.agreements.noMembers}</p>
          ) : (
            <ul>
              {f.members.map((m, i) => (
                <li key={i}>
                  {m.group ? t.agreements.memberGroups[m.group] : m.partyName ? <Text value={m.partyName} /> : ''}: <Text value={m.role} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The agreement text: numbered sections, with the structured areas and forums inside their sections. */
export function AgreementContent({ content, needsSwedish }: { content: RenderedContent; needsSwedish: boolean }) {
  const { t, lang } = useI18n();
  const hasAreasSection = content.sections.some((s) => s.key === 'cooperation_areas');
  const hasForumsSection = content.sections.some((s) => s.key === 'forums');
  return (
    <div className="agreement-content">
      {content.sections.length === 0 && <p className="muted">{t.agreements.noSections}</p>}
      {content.sections.map((s, i) => {
        const heading = pickText(s.heading, lang);
        return (
          <section key={s.id} aria-labelledby={`sec-${s.id}`} className="agreement-section">
            <h3 id={`sec-${s.id}`}>
              {i + 1}. <span lang={heading.lang === lang ? undefined : heading.lang}>{heading.text}</span>
            </h3>
            {needsSwedish && s.lacksSwedish && <p className="tag tag--warning">{t.agreements.lacksSwedish}</p>}
            {lang === 'sv' && s.html.sv.trim() === '' && s.html.fi.trim() !== '' && <p className="muted">{t.agreements.shownInFinnish}</p>}
            {s.html.fi.trim() || s.html.sv.trim() ? <Html html={s.html} lang={lang} /> : <p className="muted">{t.agreements.emptySection}</p>}
            {s.key === 'cooperation_areas' && <Areas content={content} />}
            {s.key === 'forums' && <Forums content={content} />}
          </section>
        );
      })}
      {!hasAreasSection && content.areas.length > 0 && (
        <section aria-labelledby="sec-areas" className="agreement-section">
          <h3 id="sec-areas">{t.agreements.areasHeading}</h3>
          <Areas content={content} />
        </section>
      )}
      {!hasForumsSection && content.forums.length > 0 && (
        <section aria-labelledby="sec-forums" className="agreement-section">
          <h3 id="sec-forums">{t.agreements.forumsHeading}</h3>
          <Forums content={content} />
        </section>
      )}
    </div>
  );
}
