import { randomUUID } from 'node:crypto';
import type { JoinOutcome, JoinRequest, JoinSeatCallInput } from '../../../shared/phone/join-call';
import { refused } from '../../../shared/phone/join-call';

/** How long the board waits for the workbench's phone to take a join request before saying there is none. */
export const JOIN_ANSWER_MS = 5_000;

/**
 * Carries a join request from the seat board (a window without a phone) to
 * the workbench that holds the desk's phone, and its answer back. The request
 * goes out as an event to every window; only the tab holding the phone answers
 * (the others stand by), so at most one dial follows. No answer in time means
 * no workbench with a phone is open.
 */
export class JoinRelay {
  private readonly pending = new Map<string, (outcome: JoinOutcome) => void>();

  constructor(
    private readonly send: (request: JoinRequest) => void,
    private readonly answerMs = JOIN_ANSWER_MS,
  ) {}

  request(input: JoinSeatCallInput): Promise<JoinOutcome> {
    const requestId = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        settle(refused('no_phone'));
      }, this.answerMs);
      const settle = (outcome: JoinOutcome): void => {
        clearTimeout(timer);
        this.pending.delete(requestId);
        resolve(outcome);
      };
      this.pending.set(requestId, settle);
      this.send({ requestId, ...input });
    });
  }

  /** The workbench's answer; false when the request is unknown or already settled (late, or a second tab). */
  answer(requestId: string, outcome: JoinOutcome): boolean {
    const settle = this.pending.get(requestId);
    if (!settle) return false;
    settle(outcome);
    return true;
  }

  /** Shutting down: whoever still waits hears that no phone took the request. */
  close(): void {
    for (const settle of [...this.pending.values()]) settle(refused('no_phone'));
  }
}
