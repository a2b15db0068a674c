import type { Obligation, ObligationStatus, Period } from '#modules/obligations/index.ts';
import { useI18n } from '../i18n.tsx';

/** A status as a tag with its word (never colour alone). */
export function ObligationStatusTag({ status }: { status: ObligationStatus }) {
  const { t } = useI18n();
  return <span className={`tag obligation-status obligation-status--${status}`}>{t.obligations.statuses[status]}</span>;
}

/** 'Valtuustokausi 1.6.2025–31.5.2029' or 'Vuosi 2024'. */
export function usePeriodLabel() {
  const { t, date } = useI18n();
  return (p: Pick<Period, 'kind' | 'startsOn' | 'endsOn'>) =>
    p.kind === 'term' ? t.obligations.periodTerm({ start: date(p.startsOn), end: date(p.endsOn) }) : t.obligations.periodYear({ year: p.startsOn.slice(0, 4) });
}

/** The obligation's title in the page language. */
export function useObligationTitle() {
  const { t } = useI18n();
  return (code: Obligation['code']) => t.obligations.obligation[code].title;
}

/** The provision (with its Finlex link), who answers, how often, what counts, and the law's words (in Finnish, as the source). */
export function ObligationFacts({ o }: { o: Obligation }) {
  const { t, lang } = useI18n();
  const ob = t.obligations;
  const law = o.law === 'THL' ? ob.guidance : o.law === '' ? ob.agreementSource : o.law;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{ob.law}</dt>
          <dd>
            {o.finlexUrl ? (
              <a href={o.finlexUrl} hrefLang="fi" lang={lang === 'fi' ? undefined : 'fi'}>
                {law}
              </a>
            ) : (
              <span lang={lang === 'fi' || o.law === 'THL' || o.law === '' ? undefined : 'fi'}>{law}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{ob.obliged}</dt>
          <dd>{ob.obligedKinds[o.obliged]}</dd>
        </div>
        <div>
          <dt>{ob.frequency}</dt>
          <dd>{ob.frequencies[o.frequency]}</dd>
        </div>
        <div>
          <dt>{ob.evidenceKindsLabel}</dt>
          <dd>{o.evidence.map((k) => ob.evidenceKinds[k]).join(', ')}</dd>
        </div>
      </dl>
      {o.quote && (
        <blockquote lang={lang === 'fi' ? undefined : 'fi'}>
          <p>{o.quote}</p>
        </blockquote>
      )}
    </>
  );
}
