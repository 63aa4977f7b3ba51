import { create } from 'zustand';
import type { TicketRecord } from '../../../shared/tickets/ticket-record';

export type TicketSection = 'registration' | 'transfer' | 'answer' | 'callback';
export type DispositionTab = 'transfer' | 'answer';
export type CallbackAction = 'dial' | 'unreachable';

export type DraftStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; savedAt: string } | { kind: 'error'; message: string };

/**
 * The ticket being worked on at this desk: the registered record once it is
 * saved, the draft's save status, and requests from shortcuts (focus a
 * section, accept a suggestion, submit) that the forms act on.
 */
interface TicketSessionState {
  ticket: TicketRecord | null;
  /** Set when the operator marks this desk's tickets as a trainee's (until sign-in supplies the role). */
  trainee: boolean;
  draftStatus: DraftStatus;
  tab: DispositionTab;
  focusRequest: { section: TicketSection; n: number };
  acceptRequest: number;
  submitRequest: { section: TicketSection; n: number };
  newTicketRequest: number;
  /** A ticket picked elsewhere (the 部门答复 list) to call back about: the callback form selects it. */
  callbackRequest: { ticketId: string; n: number } | null;
  /** The callback form's shortcuts: dial the chosen ticket's caller, or record 无法联系. */
  callbackActionRequest: { action: CallbackAction; n: number } | null;
  /** Bumped when a callback is saved, so lists that show callback state read again. */
  callbacksRecorded: number;
  /** A registered ticket picked up again (from the shift summary's handover list): the ticket area shows it. */
  openRequest: { ticket: TicketRecord; n: number } | null;
  /** Bumped by the copy shortcut: the confirmation in view copies its text. */
  copyRequest: number;
  ticketRegistered: (ticket: TicketRecord) => void;
  ticketChanged: (ticket: TicketRecord) => void;
  ticketFinished: () => void;
  traineeToggled: (trainee: boolean) => void;
  draftStatusChanged: (status: DraftStatus) => void;
  tabChosen: (tab: DispositionTab) => void;
  sectionFocusRequested: (section: TicketSection) => void;
  suggestionAcceptRequested: () => void;
  submitRequested: (section: TicketSection) => void;
  newTicketRequested: () => void;
  callbackRequested: (ticketId: string) => void;
  callbackActionRequested: (action: CallbackAction) => void;
  callbackRecorded: () => void;
  ticketOpenRequested: (ticket: TicketRecord) => void;
  copyRequested: () => void;
}

/**
 * The ticket forms come in a chunk of their own, fetched right after the workbench's first paint. A request for them
 * made before they are in (Alt+R pressed at once, a ticket picked from a list in the first second) is kept and carried
 * out once they are: the forms act only on requests made after they mounted, so an earlier one would be lost.
 */
let ticketFormsIn = false;
const waitingForForms: (() => void)[] = [];
/** The detached knowledge window binds the ticket keys but has no forms: its list never empties, so it keeps the last few. */
const MOST_WAITING = 16;

/** Runs `act` now if the ticket forms are in, else as soon as they are (in the order asked). */
export function whenTicketFormsIn(act: () => void): void {
  if (ticketFormsIn) {
    act();
    return;
  }
  if (waitingForForms.length === MOST_WAITING) waitingForForms.shift();
  waitingForForms.push(act);
}

/** Called by the ticket area once it and its forms are mounted and listening. */
export function ticketFormsMounted(): void {
  ticketFormsIn = true;
  for (const act of waitingForForms.splice(0)) act();
}

export const useTicketSessionStore = create<TicketSessionState>()((set) => ({
  ticket: null,
  trainee: false,
  draftStatus: { kind: 'idle' },
  tab: 'transfer',
  focusRequest: { section: 'registration', n: 0 },
  acceptRequest: 0,
  submitRequest: { section: 'registration', n: 0 },
  newTicketRequest: 0,
  callbackRequest: null,
  callbackActionRequest: null,
  callbacksRecorded: 0,
  openRequest: null,
  copyRequest: 0,
  ticketRegistered: (ticket) => {
    set({ ticket });
  },
  ticketChanged: (ticket) => {
    set({ ticket });
  },
  ticketFinished: () => {
    set({ ticket: null });
  },
  traineeToggled: (trainee) => {
    set({ trainee });
  },
  draftStatusChanged: (draftStatus) => {
    set({ draftStatus });
  },
  tabChosen: (tab) => {
    set({ tab });
  },
  // Requests the forms act on wait for the forms' chunk (`whenTicketFormsIn`); submit and copy act on a form in view.
  sectionFocusRequested: (section) => {
    whenTicketFormsIn(() => {
      set((s) => ({
        focusRequest: { section, n: s.focusRequest.n + 1 },
        tab: section === 'transfer' || section === 'answer' ? section : s.tab,
      }));
    });
  },
  suggestionAcceptRequested: () => {
    whenTicketFormsIn(() => {
      set((s) => ({ acceptRequest: s.acceptRequest + 1, tab: 'transfer' }));
    });
  },
  submitRequested: (section) => {
    set((s) => ({ submitRequest: { section, n: s.submitRequest.n + 1 } }));
  },
  newTicketRequested: () => {
    whenTicketFormsIn(() => {
      set((s) => ({ newTicketRequest: s.newTicketRequest + 1 }));
    });
  },
  callbackRequested: (ticketId) => {
    whenTicketFormsIn(() => {
      set((s) => ({ callbackRequest: { ticketId, n: (s.callbackRequest?.n ?? 0) + 1 } }));
    });
  },
  callbackActionRequested: (action) => {
    whenTicketFormsIn(() => {
      set((s) => ({ callbackActionRequest: { action, n: (s.callbackActionRequest?.n ?? 0) + 1 } }));
    });
  },
  callbackRecorded: () => {
    set((s) => ({ callbacksRecorded: s.callbacksRecorded + 1 }));
  },
  copyRequested: () => {
    set((s) => ({ copyRequest: s.copyRequest + 1 }));
  },
  ticketOpenRequested: (ticket) => {
    whenTicketFormsIn(() => {
      set((s) => ({ openRequest: { ticket, n: (s.openRequest?.n ?? 0) + 1 } }));
    });
  },
}));

/** Which section holds the focus: Ctrl+Enter saves that one. */
export function sectionOfFocus(): TicketSection | null {
  const el = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('[data-ticket-section]') : null;
  const section = el?.dataset.ticketSection;
  return section === 'registration' || section === 'transfer' || section === 'answer' || section === 'callback' ? section : null;
}

/** Focuses the first field of a section (the element marked `data-first-field` inside it). */
export function focusSection(section: TicketSection): void {
  const root = document.querySelector<HTMLElement>(`[data-ticket-section="${section}"]`);
  // The marker sits on the input itself (Input, TextArea) or on a select's wrapper: take the focusable element.
  const marked = root?.querySelector<HTMLElement>('[data-first-field]');
  const first = marked && (marked.matches('input, textarea') ? marked : marked.querySelector<HTMLElement>('input, textarea'));
  root?.scrollIntoView({ block: 'nearest' });
  first?.focus();
}
