import type { DeskHandlers } from '../../shared/desk-handlers';
import { mergeDisjoint } from '../../shared/merge-disjoint';
import type { AppHandlerDeps } from './app/app-handlers';
import { appHandlers } from './app/app-handlers';
import type { Authorship } from './authorship';
import type { DispatchService } from './dispatch/dispatch-service';
import { dispatchHandlers } from './dispatch/dispatch-handlers';
import type { HubHandlerDeps } from './hub/hub-handlers';
import { hubHandlers } from './hub/hub-handlers';
import { kbHandlers } from './kb/kb-handlers';
import type { KbService } from './kb/kb-service';
import type { PhoneHandlerDeps } from './phone/phone-handlers';
import { phoneHandlers } from './phone/phone-handlers';
import type { ShiftSummaryReader } from './shift/shift-summary-reader';
import { shiftHandlers } from './shift/shift-handlers';
import { withStorageErrors } from './storage-errors';
import { supervisionHandlers } from './supervision/supervision-handlers';
import type { DeskSync } from './sync/desk-sync';
import type { OutboxQueue } from './sync/outbox-queue';
import { syncHandlers } from './sync/sync-handlers';
import type { TicketStore } from './tickets/ticket-store';
import { ticketHandlers } from './tickets/ticket-handlers';
import { existingTicketHandlers } from './tickets/existing-ticket-handlers';
import { ringHistoryHandlers } from './tickets/ring-history-handlers';
import type { TrainingService } from './training/training-service';
import { trainingHandlers } from './training/training-handlers';

/**
 * The handlers a host supplies because they need its windows (Electron) or say it has none (web).
 * A host that leaves `openSeatBoard` out has no windows of its own: the renderer opens the board.
 */
export type HostHandlers = Pick<DeskHandlers, 'setKnowledgePaneDetached'> & Partial<Pick<DeskHandlers, 'openSeatBoard'>>;

/** Every collaborator some domain's handlers use (DeskServices provides them all). */
export type DeskCollaborators = AppHandlerDeps &
  HubHandlerDeps &
  PhoneHandlerDeps & {
    dispatch: DispatchService;
    tickets: TicketStore;
    kb: KbService;
    sync: DeskSync;
    outbox: OutboxQueue;
    training: TrainingService;
    shiftSummary: ShiftSummaryReader;
    authorship: Authorship;
  };

/**
 * The services side of DeskApi: one handler module per domain
 * (`<domain>/<domain>-handlers.ts`), merged so that a method handled in two
 * modules does not compile and a method handled in none does not either.
 * Every handler's disk failures come back as STORAGE errors.
 */
export function deskHandlers(deps: DeskCollaborators, host: HostHandlers): DeskHandlers {
  const handlers: DeskHandlers = mergeDisjoint(
    appHandlers(deps),
    { setKnowledgePaneDetached: host.setKnowledgePaneDetached, openSeatBoard: host.openSeatBoard ?? (() => ({ openedByHost: false })) },
    dispatchHandlers(deps),
    ticketHandlers(deps),
    existingTicketHandlers(deps),
    ringHistoryHandlers(deps),
    kbHandlers(deps),
    syncHandlers(deps),
    hubHandlers(deps),
    supervisionHandlers(deps),
    phoneHandlers(deps),
    trainingHandlers(deps),
    shiftHandlers(deps),
  );
  return withStorageErrors(handlers);
}
