import { isPlatformAdmin, type Actor } from '#platform/actor.ts';
import type { Policy } from '#platform/policy.ts';

/**
 * Anyone, signed in or not, may send accessibility feedback (digipalvelulaki 306/2019 requires the channel).
 * Only platform administrators read it and mark it handled: it may hold personal data.
 */
export type FeedbackAbility = 'feedback.submit' | 'feedback.read' | 'feedback.handle';

export const feedbackPolicy: Policy<FeedbackAbility, null> = {
  'feedback.submit': () => true,
  'feedback.read': (a: Actor) => isPlatformAdmin(a),
  'feedback.handle': (a: Actor) => isPlatformAdmin(a),
};
