import type { PresenceReport } from '../../../../shared/hub/presence';
import type { AgentStatus } from '../../../../shared/phone/agent-state';
import type { CallView } from './sip/call-view';

/** The seat's state as the supervisors' board shows it: agent state, break reason, and when the current call began. */
export function presenceReportOf(
  agent: AgentStatus,
  calls: readonly Pick<CallView, 'startedAt'>[],
  seat: { extension: string | null; helpRequested: boolean } = { extension: null, helpRequested: false },
): PresenceReport {
  const callStart = agent.state === 'on_call' && calls.length ? Math.min(...calls.map((c) => c.startedAt)) : null;
  return {
    state: agent.state,
    since: new Date(agent.since).toISOString(),
    callStartedAt: callStart === null ? null : new Date(callStart).toISOString(),
    reason: agent.state === 'break' ? (agent.reason ?? null) : null,
    helpRequested: seat.helpRequested,
    extension: seat.extension || null,
  };
}
