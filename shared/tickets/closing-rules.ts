import type { Callback } from './ticket';

/**
 * 办结 after a callback (回访), as the centre's rules allow: the operator who called the caller back closes
 * the ticket there and then, or leaves it for a supervisor. The hub applies the centre's rule to every close a
 * desk sends; the desk's setting only decides what the callback form offers.
 */
export const closingRules = [
  /** Solved, and the caller satisfied or basically satisfied (the usual rule). */
  'solved_and_satisfied',
  /** Any recorded callback closes (the caller was reached and heard). */
  'after_callback',
  /** Only a supervisor closes (every ticket is looked at once more). */
  'supervisor_only',
] as const;
export type ClosingRule = (typeof closingRules)[number];
export const defaultClosingRule: ClosingRule = 'solved_and_satisfied';

/** Whether the operator may close a ticket after this callback under the rule. */
export function mayCloseAfterCallback(callback: Pick<Callback, 'solved' | 'satisfaction'> | null, rule: ClosingRule): boolean {
  if (!callback || rule === 'supervisor_only') return false;
  return rule === 'after_callback' || (callback.solved && callback.satisfaction !== 'dissatisfied');
}
