export { ANSWER_DAYS, withAge, type AccessibilityFeedback, type FeedbackWithAge } from './feedback.ts';
export { ZFeedbackInput, type TFeedbackInput } from './feedback-schemas.ts';
export { feedbackPolicy, type FeedbackAbility } from './feedback-policy.ts';
export { submitAccessibilityFeedback } from './submit-accessibility-feedback.ts';
export { listAccessibilityFeedback, type FeedbackList } from './list-accessibility-feedback.ts';
export { markFeedbackHandled } from './mark-feedback-handled.ts';
