import type { Policy } from '#platform/policy.ts';

/** Demo data is seeded only by the server itself at start-up or by an operator on the command line. */
export const demoPolicy: Policy<'demo.seed', null> = {
  'demo.seed': (a) => a.kind === 'system',
};
