import { compareVersions, type DiffUnit, type FieldDiff } from '#modules/agreements/index.ts';
import type { Route } from './+types/agreement-diff';
import { ctxOf } from '../app-context.ts';
import { pickText } from '../components/agreement-content.tsx';
import { SelectField } from '../components/forms.tsx';
import { WordDiff } from '../components/word-diff.tsx';
import { useI18n } from '../i18n.tsx';
import { load } from '../run.server.ts';
import { publicPageHeaders } from '../public-page.ts';

/** Anonymous visitors may get this page from the page cache (no forms or per-visitor content for them). */
export const headers = publicPageHeaders;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const sp = new URL(request.url).searchParams;
  return load(request, () => compareVersions(ctxOf(context), params.id, Number(sp.get('from')), Number(sp.get('to'))));
}

function CodeValue({ field, value }: { field: string; value: string | null }) {
  const { t, date } = useI18n();
  if (value === null) return <span className="muted">{t.agreements.emptyValue}</span>;
  if (field === 'level') return <>{t.agreements.levels[value as keyof typeof t.agreements.levels] ?? value}</>;
  if (field === 'frequency') return <>{t.agreements.frequencies[value as keyof typeof t.agreements.frequencies] ?? value}</>;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return <>{date(value)}</>;
  return <>{value}</>;
}

function Field({ f }: { f: FieldDiff }) {
  const { t, lang } = useI18n();
  const labels = { added: t.agreements.added, removed: t.agreements.removed, end: t.agreements.endOfChange };
  const name = (t.agreements.fields as Record<string, string>)[f.field] ?? f.field;
  if (f.kind === 'code') {
    return (
      <div className="diff-field">
        <h4>{name}</h4>
        <p>
          <del>
            <span className="visually-hidden">[{t.agreements.removed}: </span>
            <CodeValue field={f.field} value={f.from} />
            <span className="visually-hidden"> – {t.agreements.endOfChange}]</span>
          </del>{' '}
          →{' '}
          <ins>
            <span className="visually-hidden">[{t.agreements.added}: </span>
            <CodeValue field={f.field} value={f.to} />
            <span className="visually-hidden"> – {t.agreements.endOfChange}]</span>
          </ins>
        </p>
      </div>
    );
  }
  // Both languages when they changed; the page language first.
  const langs = (lang === 'sv' ? ['sv', 'fi'] : ['fi', 'sv']) as ('fi' | 'sv')[];
  return (
    <div className="diff-field">
      <h4>{name}</h4>
      {langs
        .filter((l) => f[l].some((p) => p.op !== 'same'))
        .map((l) => (
          <div key={l}>
            <p className="diff-lang">{l === 'fi' ? t.agreements.inFinnish : t.agreements.inSwedish}</p>
            <WordDiff parts={f[l]} labels={labels} lang={l === lang ? undefined : l} />
          </div>
        ))}
    </div>
  );
}

function Unit({ u }: { u: DiffUnit }) {
  const { t, lang } = useI18n();
  const title = pickText(u.title, lang);
  return (
    <section className={`diff-unit diff-unit--${u.change}`} aria-labelledby={`u-${u.id}`}>
      <h3 id={`u-${u.id}`}>
        <span className="diff-kind">{t.agreements.kinds[u.kind]}</span>
        {u.kind !== 'parties' && (
          <>
            : <span lang={title.lang === lang ? undefined : title.lang}>{title.text}</span>
          </>
        )}{' '}
        <span className="tag">{t.agreements.unitChange[u.change]}</span>
        {u.moved && <span className="tag">{t.agreements.moved}</span>}
      </h3>
      {u.fields.filter((f) => f.changed).map((f) => (
        <Field key={f.field} f={f} />
      ))}
    </section>
  );
}

export default function AgreementDiffPage({ loaderData }: Route.ComponentProps) {
  const { t, href, lang } = useI18n();
  const { agreement, from, to, units, versions } = loaderData;
  const changed = units.filter((u) => u.change !== 'unchanged' || u.moved);
  const unchanged = units.filter((u) => u.change === 'unchanged' && !u.moved);
  const title = t.agreements.diffTitle(from.number, to.number);
  const agreementTitle = pickText(agreement.title, lang);
  return (
    <div className="page">
      <title>{`${title} – ${agreementTitle.text} – ${t.common.appName}`}</title>
      <nav aria-label={t.common.breadcrumb} className="breadcrumb">
        <a href={href(`/agreements/${agreement.id}`)}>{agreementTitle.text}</a>
      </nav>
      <h1>{title}</h1>
      <p className="lead">
        <a href={href(`/agreements/${agreement.id}/versions/${from.number}`)}>{t.agreements.versionOption(from.number, from.label)}</a> →{' '}
        <a href={href(`/agreements/${agreement.id}/versions/${to.number}`)}>{t.agreements.versionOption(to.number, to.label)}</a>
      </p>
      <form method="get" className="filters" aria-label={t.agreements.compareHeading}>
        <SelectField name="from" label={t.agreements.compareFrom} defaultValue={String(from.number)} options={versions.map((x) => ({ value: String(x.number), label: t.agreements.versionOption(x.number, x.label) }))} />
        <SelectField name="to" label={t.agreements.compareTo} defaultValue={String(to.number)} options={versions.map((x) => ({ value: String(x.number), label: t.agreements.versionOption(x.number, x.label) }))} />
        <button type="submit" className="button button--secondary">
          {t.agreements.compare}
        </button>
      </form>
      <p>{t.agreements.diffIntro}</p>
      <section aria-labelledby="changes-h">
        <h2 id="changes-h">{t.agreements.changesHeading(changed.length)}</h2>
        {changed.length === 0 ? <p>{t.agreements.noChanges}</p> : changed.map((u) => <Unit key={`${u.kind}-${u.id}`} u={u} />)}
      </section>
      {unchanged.length > 0 && (
        <section aria-labelledby="unchanged-h">
          <h2 id="unchanged-h">{t.agreements.unchangedHeading(unchanged.length)}</h2>
          <ul>
            {unchanged.map((u) => (
              <li key={`${u.kind}-${u.id}`}>
                {t.agreements.kinds[u.kind]}
                {u.kind !== 'parties' && `: ${pickText(u.title, lang).text}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
