import { useEffect, useRef } from 'react';
import type { TicketSection } from '../../core/ticket-session-store';
import { useTicketSessionStore } from '../../core/ticket-session-store';

type RequestKind = 'submitRequest' | 'focusRequest';

/**
 * Runs `act` when a shortcut asks a section to submit or take the focus,
 * for requests made after this component mounted only: a form that remounts
 * for the next ticket must not replay the request that finished the last one.
 */
export function useTicketRequest(kind: RequestKind, section: TicketSection | null, act: (section: TicketSection) => void): void {
  const latest = useRef(act);
  useEffect(() => {
    latest.current = act;
  });
  useEffect(
    () =>
      useTicketSessionStore.subscribe((state, previous) => {
        const request = state[kind];
        if (request === previous[kind]) return;
        if (section === null || request.section === section) latest.current(request.section);
      }),
    [kind, section],
  );
}

/** The same for the one-shot requests without a section (accept a suggestion, start a new ticket). */
export function useTicketCounter(kind: 'acceptRequest' | 'newTicketRequest' | 'copyRequest', act: () => void): void {
  const latest = useRef(act);
  useEffect(() => {
    latest.current = act;
  });
  useEffect(
    () =>
      useTicketSessionStore.subscribe((state, previous) => {
        if (state[kind] !== previous[kind]) latest.current();
      }),
    [kind],
  );
}
