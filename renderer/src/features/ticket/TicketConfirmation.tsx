import { Alert, Button, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../desk/desk';
import { useTicketSessionStore } from '../../core/ticket-session-store';
import { useTicketCounter } from './use-ticket-request';

/** What a ticket action confirms: which ticket, what happened, what comes next (department and time limit, or the next step). */
export interface Confirmation {
  ticketId: string;
  text: string;
  next: string | null;
}

/**
 * The ticket's human number (`YYYYMMDD-NNNNNN`). The hub gives it when the
 * registration reaches it: until then (offline, or the push not yet answered)
 * null, and the confirmation says it will be numbered on sync; it updates when
 * the hub's copy of the ticket comes back with its number.
 */
export function useTicketNumber(ticketId: string): string | null {
  const [number, setNumber] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const read = (): void => {
      void desk.listHubTickets({ limit: 200 }).then((result) => {
        const found = result.ok ? result.value.find((t) => t.id === ticketId) : undefined;
        if (live && found) setNumber(found.number);
      });
    };
    read();
    const stop = desk.on('hubTicketsChanged', read);
    return () => {
      live = false;
      stop();
    };
  }, [ticketId]);
  return number;
}

/**
 * The confirmation after every action that changes a ticket: sticky at the top
 * of the scrolling pane, so it is in view whatever the form's scroll; the
 * ticket number first (the caller must be told it), copied with one key
 * (Alt+Shift+C, `ticket.copyConfirmation`).
 */
export function TicketConfirmation({ confirmation, onClose }: { confirmation: Confirmation; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const number = useTicketNumber(confirmation.ticketId);
  const [copied, setCopied] = useState(false);
  const copyText = [number ? t('ticket:confirm.number', { number }) : t('ticket:numberPending'), confirmation.text, confirmation.next].filter(Boolean).join(' · ');
  useTicketCounter('copyRequest', () => {
    void navigator.clipboard.writeText(copyText).then(
      () => {
        setCopied(true);
      },
      () => {
        setCopied(false);
      },
    );
  });
  return (
    <Alert
      type="success"
      showIcon
      className="ticket-hint ticket-confirmation"
      role="status"
      data-testid="ticket-result"
      data-ticket-id={confirmation.ticketId}
      title={
        <span>
          <Typography.Text strong className="ticket-confirmation-number" data-testid="ticket-result-number">
            {number ? t('ticket:confirm.number', { number }) : t('ticket:confirm.numberPending')}
          </Typography.Text>{' '}
          {confirmation.text}
        </span>
      }
      description={
        <span>
          {confirmation.next}
          {confirmation.next && ' '}
          <Button
            size="small"
            type="link"
            onClick={() => {
              useTicketSessionStore.getState().copyRequested();
            }}
            data-testid="ticket-result-copy"
          >
            {copied ? t('ticket:confirm.copied') : t('ticket:confirm.copy')}
          </Button>
        </span>
      }
      closable={{ onClose }}
    />
  );
}
