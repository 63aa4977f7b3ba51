import { Alert, Button, Empty, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubTicket } from '../../../../shared/hub/hub-ticket';
import type { DeskError } from '../../../../shared/result';
import { usePanelShortcuts } from '../../shortcuts/use-shortcuts';
import { useSettingsStore } from '../../stores/settings-store';
import { deskErrorText } from '../../i18n/error-text';
import { useTicketReference } from '../../core/use-ticket-reference';
import { ReturnReviewDialog } from './ReturnReviewDialog';
import { useReviewStore } from './review-store';
import { useRowFocus } from '../../shortcuts/use-row-focus';
import './supervision.css';
import { useNotices } from '../../core/notices';

const ROW = '[data-review-row]';
const stillLoading = (): boolean => useReviewStore.getState().loading;

/**
 * 实训审核: the trainees' tickets waiting for a supervisor at the hub, oldest
 * first — the hub's number, the trainee, the matter, what the caller said and
 * the transfer the trainee proposes. ↑/↓ move between tickets, A approves
 * (the transfer goes out), R returns it with a comment. Read from the hub
 * when shown (`active`) and after every decision.
 */
export function ReviewQueue({ active = true }: { active?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const message = useNotices();
  const tickets = useReviewStore((s) => s.tickets);
  const loaded = useReviewStore((s) => s.loaded);
  const loading = useReviewStore((s) => s.loading);
  const error = useReviewStore((s) => s.error);
  const returning = useReviewStore((s) => s.returning);
  const focusRequest = useReviewStore((s) => s.focusRequest);
  const { load, decide, returnStarted } = useReviewStore.getState();
  const overrides = useSettingsStore((s) => s.settings.shortcuts);
  const { departments } = useTicketReference();
  const departmentName = (id: string): string => departments.find((d) => d.id === id)?.name ?? id;
  const panel = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  // Where the focus goes once the list has changed (after a decision, or when asked by Alt+5).
  const { pendingFocusRef, focusPending, focusedRow, move } = useRowFocus(panel, list, ROW, stillLoading, focusRequest);
  const [busy, setBusy] = useState<string | null>(null);
  const errorText = (e: DeskError): string => deskErrorText(t, e);

  useEffect(() => {
    if (active) void load();
  }, [active, load]);

  const ticketOf = (row: HTMLElement | null): HubTicket | undefined => tickets.find((ticket) => ticket.id === row?.dataset.ticketId);

  useEffect(() => {
    // After a decision the list has changed: the focus moves on to the next ticket (not while the comment dialog is open).
    if (!returning && loaded) focusPending();
  }, [tickets, returning, loaded, focusPending]);

  const approve = async (ticket: HubTicket): Promise<void> => {
    if (busy) return;
    setBusy(ticket.id);
    pendingFocusRef.current = tickets.indexOf(ticket);
    const result = await decide(ticket, { decision: 'approve', comment: '' });
    setBusy(null);
    if (result.ok) message.success(t('supervision:reviews.approved', { number: ticket.number }));
    else {
      pendingFocusRef.current = null;
      message.error(t('supervision:reviews.decideFailed', { reason: errorText(result.error) }));
    }
  };

  const startReturn = (ticket: HubTicket): void => {
    pendingFocusRef.current = tickets.indexOf(ticket);
    returnStarted(ticket);
  };

  usePanelShortcuts(
    panel,
    'reviews',
    {
      'review.next': () => move(1),
      'review.previous': () => move(-1),
      'review.approve': () => {
        const ticket = ticketOf(focusedRow());
        if (ticket) void approve(ticket);
        return ticket !== undefined;
      },
      'review.return': () => {
        const ticket = ticketOf(focusedRow());
        if (ticket) startReturn(ticket);
        return ticket !== undefined;
      },
    },
    overrides,
  );

  return (
    <div ref={panel} className="supervision-panel review-panel" tabIndex={-1} data-testid="review-panel" aria-label={t('supervision:reviews.title')}>
      <div className="supervision-head">
        <Typography.Text strong>{t('supervision:reviews.title')}</Typography.Text>
        {loaded && <Tag data-testid="review-count">{t('supervision:reviews.count', { count: tickets.length })}</Tag>}
        <Typography.Text type="secondary" className="supervision-hint">
          {t('supervision:reviews.hint')}
        </Typography.Text>
        <Button size="small" onClick={() => void load()} loading={loading} data-testid="review-refresh">
          {t('supervision:reviews.refresh')}
        </Button>
      </div>
      {error && <Alert type="warning" showIcon title={t('supervision:reviews.failed', { reason: errorText(error) })} data-testid="review-error" />}
      {!loaded && loading ? (
        <Spin description={t('supervision:reviews.loading')} />
      ) : tickets.length === 0 ? (
        loaded && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision:reviews.empty')} />
      ) : (
        <ol ref={list} className="supervision-list" aria-label={t('supervision:reviews.title')}>
          {tickets.map((ticket) => (
            <li
              key={ticket.id}
              tabIndex={0}
              className="supervision-row"
              data-review-row
              data-testid="review-row"
              data-ticket-id={ticket.id}
              aria-label={`${ticket.number} ${ticket.registration.category.join(' / ')}`}
              aria-busy={busy === ticket.id}
            >
              <ReviewDetails ticket={ticket} departmentName={departmentName} />
              <div className="supervision-actions">
                <Button size="small" type="primary" ghost tabIndex={-1} loading={busy === ticket.id} onClick={() => void approve(ticket)} data-testid="review-approve">
                  {t('supervision:reviews.approve')}
                </Button>
                <Button
                  size="small"
                  danger
                  tabIndex={-1}
                  disabled={busy === ticket.id}
                  onClick={() => {
                    startReturn(ticket);
                  }}
                  data-testid="review-return"
                >
                  {t('supervision:reviews.return')}
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <ReturnReviewDialog onClosed={focusPending} />
    </div>
  );
}

function ReviewDetails({ ticket, departmentName }: { ticket: HubTicket; departmentName: (id: string) => string }): React.JSX.Element {
  const { t } = useTranslation();
  const reg = ticket.registration;
  const place = [reg.location.district, reg.location.town, reg.location.address].filter(Boolean).join(' ');
  const transfer = ticket.transfer;
  return (
    <>
      <div className="supervision-row-head">
        <strong className="supervision-number">{ticket.number}</strong>
        <Tag color="geekblue">{t('supervision:reviews.trainee', { name: ticket.author })}</Tag>
        {reg.confidential && <Tag color="red">{t('history:confidential')}</Tag>}
        <Typography.Text type="secondary" className="supervision-time">
          {t('supervision:reviews.registeredAt', { time: dayjs(ticket.createdAt).format('MM-DD HH:mm') })}
        </Typography.Text>
      </div>
      <div className="supervision-meta" data-testid="review-matter">
        {reg.requestType} · {reg.category.join(' / ')}
        {place && ` · ${place}`}
      </div>
      <div className="supervision-text" data-testid="review-description">
        {reg.description}
      </div>
      <div className="supervision-text" data-testid="review-transfer">
        <span className="supervision-label">{t('supervision:reviews.transfer')}：</span>
        {transfer ? (
          <>
            {t('supervision:reviews.lead', { department: departmentName(transfer.lead) })}
            {transfer.co.length > 0 && ` · ${t('supervision:reviews.co', { departments: transfer.co.map(departmentName).join('、') })}`}
            {' · '}
            {t('supervision:reviews.timeLimit', { days: transfer.timeLimitDays })}
            {transfer.timeLimitReason && t('supervision:reviews.timeLimitReason', { reason: transfer.timeLimitReason })}
          </>
        ) : (
          t('supervision:reviews.noTransfer')
        )}
      </div>
    </>
  );
}
