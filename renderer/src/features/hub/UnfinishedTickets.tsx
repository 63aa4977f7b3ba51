import { Button, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnfinishedTicket } from '../../../../shared/shift-summary';
import { desk } from '../../desk/desk';
import { useTicketSessionStore } from '../../core/ticket-session-store';
import { useHubStore } from '../../core/hub-store';
import { unfinishedReasonKeys } from '../../i18n/hub/keys';

/** Keys 1–9 open the first nine; every row is also a button (Tab, Enter). */
const KEYED = 9;

/** Picks a ticket up again: the ticket area shows it, ready to transfer or answer; the dialog closes. */
async function openTicket(id: string): Promise<void> {
  const found = await desk.findTicket({ ticketId: id });
  if (!found.ok || !found.value) return;
  useHubStore.getState().dialogOpened('none');
  useTicketSessionStore.getState().ticketOpenRequested(found.value);
}

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}

/**
 * The shift summary's handover list: every ticket of this desk still waiting for it (registered and neither
 * transferred nor answered, or returned by a supervisor's review), oldest first, each opened by one key.
 */
export function UnfinishedTickets({ tickets, total }: { tickets: readonly UnfinishedTicket[]; total: number }): React.JSX.Element | null {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      const n = Number(event.key);
      const ticket = Number.isInteger(n) && n >= 1 && n <= KEYED ? tickets[n - 1] : undefined;
      if (!ticket) return;
      event.preventDefault();
      void openTicket(ticket.id);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [tickets]);
  if (tickets.length === 0) return null;
  return (
    <div className="shift-summary-unfinished" data-testid="shift-summary-unfinished-list">
      <Typography.Text type="secondary" className="shift-summary-hint">
        {t('hub:shiftSummary.unfinishedHint', { count: Math.min(tickets.length, KEYED) })}
      </Typography.Text>
      <ol>
        {tickets.map((ticket, index) => (
          <li key={ticket.id}>
            <Button
              type="text"
              size="small"
              block
              onClick={() => void openTicket(ticket.id)}
              aria-keyshortcuts={index < KEYED ? String(index + 1) : undefined}
              data-testid="shift-summary-unfinished-ticket"
              data-ticket-id={ticket.id}
            >
              {index < KEYED && <kbd>{index + 1}</kbd>}
              <span className="shift-summary-ticket-number">{ticket.number ?? t('ticket:numberPending')}</span>
              <span>{dayjs(ticket.registeredAt).format('MM-DD HH:mm')}</span>
              <span>{ticket.requestType}</span>
              <span className="shift-summary-ticket-matter">{ticket.category.join(' / ')}</span>
              <span>{t(unfinishedReasonKeys[ticket.reason])}</span>
            </Button>
          </li>
        ))}
      </ol>
      {total > tickets.length && <Typography.Text type="secondary">{t('hub:shiftSummary.unfinishedMore', { count: total - tickets.length })}</Typography.Text>}
    </div>
  );
}
