import { ticketShortcutHandlers } from '../features/ticket';
import { useTicketDraftStore } from '../stores/ticket-draft-store';

/**
 * The knowledge base has no good answer, so this is a matter of its own: what the operator searched for
 * goes into the ticket's description (when that is still empty) and the registration form takes the focus.
 */
export function registerAsNewMatter(query: string): void {
  const draft = useTicketDraftStore.getState();
  if (!draft.description.trim()) draft.descriptionChanged(query.trim());
  ticketShortcutHandlers['ticket.focusRegistration']();
}
