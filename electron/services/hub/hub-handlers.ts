import type { DeskHandlers } from '../../../shared/desk-handlers';
import type { AgentState } from '../../../shared/phone/agent-state';
import type { Authorship } from '../authorship';
import type { SettingsService } from '../settings-service';
import type { HubTicketReplica } from '../sync/hub-ticket-replica';
import type { HandoverNotes } from './handover-notes';
import type { HubSession } from './hub-session';

export interface HubHandlerDeps {
  hub: HubSession;
  settings: SettingsService;
  handover: HandoverNotes;
  hubTickets: HubTicketReplica;
  authorship: Authorship;
  /** The seat's agent state as the workbench reports it (the integrity check waits for the end of a call). */
  setAgentState: (state: AgentState) => void;
}

/** The operator's hub session, the handover note, the replies from the hub, and the seat's presence. */
export const hubHandlers = ({ hub, settings, handover, hubTickets, authorship, setAgentState }: HubHandlerDeps) =>
  ({
    hubSignIn: ({ username, password, enrolmentCode }) => hub.signIn(settings.get().hubUrl, username, password, enrolmentCode),
    hubSignOut: async () => {
      await hub.signOut();
      return null;
    },
    getHubSession: () => hub.view(),
    hubCallerHistory: ({ number, category, excludeTicketId }) =>
      hub.call('callerHistory', {
        params: { number },
        query: { limit: 50, ...(category ? { category1: category[0], category2: category[1] } : {}), ...(excludeTicketId ? { exclude: excludeTicketId } : {}) },
      }),
    getHandoverNote: () => handover.read(),
    setHandoverNote: ({ text }) => handover.write(authorship.author(), text),
    listHubTickets: ({ limit }) => hubTickets.list(limit),
    reportPresence: async (report) => {
      setAgentState(report.state);
      return { delivered: await hub.reportPresence(report) };
    },
  }) satisfies Pick<
    DeskHandlers,
    'hubSignIn' | 'hubSignOut' | 'getHubSession' | 'hubCallerHistory' | 'getHandoverNote' | 'setHandoverNote' | 'listHubTickets' | 'reportPresence'
  >;
