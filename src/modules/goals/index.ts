export * from './goal.ts';
export { goalPolicy, ownerPolicy, type GoalAbility, type GoalSubject } from './goal-policy.ts';
export {
  ZGoalInput,
  ZGoalUpdate,
  ZMeasureInput,
  ZMeasureUpdate,
  ZIndicatorLinkInput,
  ZIndicatorLinkUpdate,
  ZIndicatorValueInput,
  ZMeasureUpdateInput,
} from './goal-schemas.ts';
export type { AgreementInfo, AreaRef, SectionRef, PartyInfo, IndicatorInfo, MeasureUpdateEntry } from './goal-queries.ts';
export type { ScopeArea, AreaStatus, LinkStatus } from './goal-status.ts';
export type { GoalView, MeasureView } from './goal-views.ts';
export { getAgreementGoals, type AgreementGoalsView } from './get-agreement-goals.ts';
export { getGoal, type GoalPage } from './get-goal.ts';
export { getMeasure, type MeasurePage } from './get-measure.ts';
export { createGoal } from './create-goal.ts';
export { updateGoal } from './update-goal.ts';
export { addMeasure } from './add-measure.ts';
export { updateMeasure } from './update-measure.ts';
export { addMeasureIndicator } from './add-measure-indicator.ts';
export { updateMeasureIndicator } from './update-measure-indicator.ts';
export { addMeasureUpdate } from './add-measure-update.ts';
export { recordIndicatorValue, type RecordedValue } from './record-indicator-value.ts';
export * from './report.ts';
export { getAgreementReport, type ReportQuery } from './get-agreement-report.ts';
export { exportAgreementReport, type ReportFile, type ReportFormat } from './export-agreement-report.ts';
export { REPORT_LANGS, type ReportLang } from './report-document.ts';
