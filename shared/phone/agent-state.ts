/**
 * The seat's availability, as reported to supervisors. Pure transitions: the
 * phone store feeds call events in, the status bar shows the result.
 */
export const agentStates = ['signed_out', 'ready', 'on_call', 'after_call_work', 'break', 'training'] as const;
export type AgentState = (typeof agentStates)[number];

export type AgentEvent =
  | { type: 'sign_in' }
  | { type: 'sign_out' }
  | { type: 'call_started' }
  /** `untilReady`: after-call work lasts until the operator says ready (no countdown). */
  | { type: 'call_ended'; afterCallWorkSeconds: number; untilReady?: boolean }
  | { type: 'acw_finished' }
  /** The operator's key adds time to a timed after-call work (from now when it has already run out). */
  | { type: 'acw_extended'; seconds: number }
  | { type: 'break'; reason: string }
  | { type: 'training' }
  | { type: 'ready' };

export interface AgentStatus {
  state: AgentState;
  /** Break reason (小休、用餐、会议 …) when on break. */
  reason?: string;
  /** Epoch ms when after-call work ends, for the countdown. */
  acwEndsAt?: number;
  /** Epoch ms when this state began. */
  since: number;
}

/**
 * Next status after an event at `now`. A call can start in any signed-in state
 * (a call pushed during a break is still answered); ending it goes to ACW or
 * straight back to ready, never back to a break the operator left.
 */
export function nextAgentStatus(current: AgentStatus, event: AgentEvent, now: number): AgentStatus {
  switch (event.type) {
    case 'sign_in':
      return current.state === 'signed_out' ? { state: 'ready', since: now } : current;
    case 'sign_out':
      return current.state === 'on_call' ? current : { state: 'signed_out', since: now };
    case 'call_started':
      return current.state === 'on_call' ? current : { state: 'on_call', since: now };
    case 'call_ended':
      if (current.state !== 'on_call') return current;
      if (event.afterCallWorkSeconds <= 0) return { state: 'ready', since: now };
      return event.untilReady ? { state: 'after_call_work', since: now } : { state: 'after_call_work', since: now, acwEndsAt: now + event.afterCallWorkSeconds * 1_000 };
    case 'acw_finished':
      // Until-ready after-call work has no end of its own.
      return current.state === 'after_call_work' && current.acwEndsAt !== undefined ? { state: 'ready', since: now } : current;
    case 'acw_extended':
      if (current.state !== 'after_call_work' || current.acwEndsAt === undefined) return current;
      return { ...current, acwEndsAt: Math.max(current.acwEndsAt, now) + event.seconds * 1_000 };
    case 'break':
      return current.state === 'on_call' || current.state === 'signed_out' ? current : { state: 'break', since: now, reason: event.reason };
    case 'training':
      return current.state === 'on_call' || current.state === 'signed_out' ? current : { state: 'training', since: now };
    case 'ready':
      return current.state === 'on_call' || current.state === 'signed_out' ? current : { state: 'ready', since: now };
  }
}

/** Seconds left of after-call work (0 when not in ACW), for the visible countdown. */
export function acwSecondsLeft(status: AgentStatus, now: number): number {
  if (status.state !== 'after_call_work' || status.acwEndsAt === undefined) return 0;
  return Math.max(0, Math.ceil((status.acwEndsAt - now) / 1_000));
}

/**
 * Whether the seat turns new calls away (480 at the phone, so the PBX or ACD
 * tries another seat): on a break or in training the operator is not ready.
 * A call already in progress (a transfer back, a consultation) is not "new".
 */
export function refusesNewCalls(status: AgentStatus): boolean {
  return status.state === 'break' || status.state === 'training';
}
