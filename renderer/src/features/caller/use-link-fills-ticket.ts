import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { isRelatedTicketReference } from '../../../../shared/tickets/ticket-reference';
import type { RegistrationValues } from '../../core/draft-mapping';
import { useTicketSessionStore } from '../../core/ticket-session-store';
import { useRingHistoryStore } from './ring-history-store';

/**
 * The earlier ticket chosen in the screen pop (Alt+Shift+R) becomes the
 * related ticket of the ticket being written (not of one already registered):
 * by its number where the field takes numbers, else by its id. The draft is
 * saved as after any other edit.
 */
export function useLinkFillsTicket(form: FormInstance<RegistrationValues>, changed: () => void): void {
  useEffect(
    () =>
      useRingHistoryStore.subscribe((state, before) => {
        const link = state.linked;
        if (!link || link === before.linked || useTicketSessionStore.getState().ticket) return;
        const byNumber = link.number !== null && isRelatedTicketReference(link.number);
        form.setFieldValue('relatedTicketId', byNumber ? link.number : link.ticketId);
        changed();
      }),
    [form, changed],
  );
}
