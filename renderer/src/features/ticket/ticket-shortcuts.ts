import { sectionOfFocus, useTicketSessionStore } from '../../core/ticket-session-store';

/** What the ticket shortcuts do; bound with every other action by the workbench's shortcut hook. */
export const ticketShortcutHandlers = {
  'ticket.focusRegistration': () => {
    useTicketSessionStore.getState().sectionFocusRequested('registration');
  },
  'ticket.focusTransfer': () => {
    useTicketSessionStore.getState().sectionFocusRequested('transfer');
  },
  'ticket.focusAnswer': () => {
    useTicketSessionStore.getState().sectionFocusRequested('answer');
  },
  'ticket.focusCallback': () => {
    useTicketSessionStore.getState().sectionFocusRequested('callback');
  },
  'ticket.dialCaller': () => {
    useTicketSessionStore.getState().callbackActionRequested('dial');
  },
  'ticket.unreachable': () => {
    useTicketSessionStore.getState().callbackActionRequested('unreachable');
  },
  'ticket.acceptSuggestion': () => {
    useTicketSessionStore.getState().suggestionAcceptRequested();
  },
  'ticket.submit': () => {
    const section = sectionOfFocus();
    if (section) useTicketSessionStore.getState().submitRequested(section);
  },
  'ticket.new': () => {
    useTicketSessionStore.getState().newTicketRequested();
  },
  'ticket.copyConfirmation': () => {
    useTicketSessionStore.getState().copyRequested();
  },
} as const;
