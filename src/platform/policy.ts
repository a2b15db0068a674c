import type { Actor } from './actor.ts';
import { forbidden, unauthenticated } from './errors.ts';

/**
 * A module declares its abilities as a record of rules: `{ 'party.update': (actor, party) => … }`.
 * Use cases call `assertCan(policy, ability, actor, subject)` first; read models expose
 * `permittedActions(policy, actor, subject)` so pages render only the forms the user may submit.
 */
export type Rule<S> = (actor: Actor, subject: S) => boolean;
export type Policy<A extends string, S> = Record<A, Rule<S>>;

export function can<A extends string, S>(policy: Policy<A, S>, ability: A, actor: Actor, subject: S): boolean {
  return policy[ability](actor, subject);
}

export function assertCan<A extends string, S>(policy: Policy<A, S>, ability: A, actor: Actor, subject: S): void {
  if (policy[ability](actor, subject)) return;
  throw actor.kind === 'public' ? unauthenticated() : forbidden();
}

export function permittedActions<A extends string, S>(policy: Policy<A, S>, actor: Actor, subject: S): A[] {
  return (Object.keys(policy) as A[]).filter((a) => policy[a](actor, subject));
}
