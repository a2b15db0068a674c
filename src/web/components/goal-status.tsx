import type { IndicatorStatus, MeasureStatus, RollUp } from '#modules/goals/index.ts';
import { useI18n } from '../i18n.tsx';

const ICON: Record<IndicatorStatus, string> = { on_track: '✓', off_track: '✗', no_data: '?', no_status: '–' };
const MEASURE_ICON: Record<MeasureStatus, string> = { not_started: '○', on_track: '✓', at_risk: '!', late: '✗', done: '●' };

/** An indicator status as icon and text (never colour alone). */
export function IndicatorStatusTag({ status }: { status: IndicatorStatus }) {
  const { t } = useI18n();
  return (
    <span className={`tag goal-status goal-status--${status}`}>
      <span aria-hidden="true">{ICON[status]} </span>
      {t.goals.indicatorStatus[status]}
    </span>
  );
}

export function MeasureStatusTag({ status }: { status: MeasureStatus }) {
  const { t } = useI18n();
  return (
    <span className={`tag measure-status measure-status--${status}`}>
      <span aria-hidden="true">{MEASURE_ICON[status]} </span>
      {t.goals.measureStatus[status]}
    </span>
  );
}

/** The worst status and the counts behind it. */
export function RollUpText({ summary }: { summary: RollUp }) {
  const { t } = useI18n();
  const total = summary.counts.on_track + summary.counts.off_track + summary.counts.no_data;
  if (total === 0) return <span className="goal-summary">{t.goals.noIndicators}</span>;
  return (
    <span className="goal-summary">
      <IndicatorStatusTag status={summary.worst} /> {t.goals.counts(summary.counts)}
    </span>
  );
}

/** How statuses are worked out, in words. */
export function StatusRule() {
  const { t } = useI18n();
  return (
    <details className="goal-rule">
      <summary>{t.goals.ruleTitle}</summary>
      {t.goals.rule.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </details>
  );
}
