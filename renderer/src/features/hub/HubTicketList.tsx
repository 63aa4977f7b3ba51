import { Button, Empty, Segmented, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubTicket } from '../../../../shared/hub/hub-ticket';
import { useDeskErrorText } from '../../core/use-desk-error-text';
import { desk } from '../../desk/desk';
import { useTicketSessionStore } from '../../core/ticket-session-store';
import { useTicketReference } from '../../core/use-ticket-reference';
import { useHubStore } from '../../core/hub-store';
import type { ReplyFilter, ReplyRow, ReplyStatus } from '../../core/hub-view';
import { callbackStatuses, isDue, replyRows } from '../../core/hub-view';
import { useNow } from '../../core/use-now';
import { DUE_TICK_MS } from './RepliesTabLabel';
import { defaultCallbackRetryPolicy } from '../../../../shared/tickets/callback-tries';
import { ticketStateKeys } from '../../i18n/history/keys';
import { replyStatusKeys, reviewKeys } from '../../i18n/hub/keys';
import { useNotices } from '../../core/notices';

const statusColor: Record<ReplyStatus, string | undefined> = {
  awaits_callback: 'green',
  callback_retry: 'gold',
  unreachable: 'default',
  callback_recorded: 'blue',
  returned: 'orange',
  review_returned: 'red',
  other: undefined,
};

/**
 * 部门答复 / 回访: this desk's tickets as the hub sent them back — the
 * hub's number, state, the department's reply, a return reason, the
 * supervisor's review. Under 待处理 the callbacks come first, by when they
 * fall due (a reply at once, a try after 无法联系 a day later), then returns;
 * under 全部 newest change first. ↑/↓ move between tickets; Enter on a
 * callback opens the callback form with it selected, on a returned one the
 * ticket area to re-dispatch or answer it.
 */
export function HubTicketList(): React.JSX.Element {
  const { t } = useTranslation();
  const message = useNotices();
  const errorText = useDeskErrorText();
  const tickets = useHubStore((s) => s.tickets);
  const local = useHubStore((s) => s.local);
  const focusRequest = useHubStore((s) => s.repliesFocusRequest);
  const [filter, setFilter] = useState<ReplyFilter>('pending');
  const list = useRef<HTMLOListElement>(null);
  const filterRef = useRef<HTMLDivElement>(null);
  const { departments } = useTicketReference();
  const departmentName = (id: string): string => departments.find((d) => d.id === id)?.name ?? id;
  const rows = replyRows(tickets, local, filter);
  const now = useNow(DUE_TICK_MS);

  useEffect(() => {
    if (focusRequest === 0) return;
    // The tab renders first when the shortcut switched to it.
    const timer = window.setTimeout(() => {
      const first = list.current?.querySelector<HTMLElement>('[data-reply-row]');
      (first ?? filterRef.current?.querySelector<HTMLElement>('input, [tabindex="0"]'))?.focus();
    }, 50);
    return () => {
      window.clearTimeout(timer);
    };
  }, [focusRequest]);

  const act = (row: ReplyRow): void => {
    if (callbackStatuses.includes(row.status)) useTicketSessionStore.getState().callbackRequested(row.ticket.id);
    else if (row.status === 'returned') void takeUpReturned(row.ticket.id);
  };

  /** 退回: the ticket area shows it, ready to re-dispatch to another department (with a reason) or to answer. */
  const takeUpReturned = async (ticketId: string): Promise<void> => {
    const taken = await desk.takeUpReturnedTicket({ ticketId });
    if (!taken.ok) {
      message.error(errorText(taken.error));
      return;
    }
    const session = useTicketSessionStore.getState();
    session.tabChosen('transfer');
    session.ticketOpenRequested(taken.value);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLLIElement>, row: ReplyRow): void => {
    if (event.target !== event.currentTarget) return;
    const item = event.currentTarget;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? item.nextElementSibling : item.previousElementSibling;
      if (next instanceof HTMLElement) next.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      act(row);
    }
  };

  return (
    <div className="replies-panel" data-testid="replies-panel">
      <div ref={filterRef} className="replies-filter">
        <Segmented<ReplyFilter>
          size="small"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'pending', label: t('hub:replies.filter.pending') },
            { value: 'all', label: t('hub:replies.filter.all') },
          ]}
          data-testid="replies-filter"
        />
        <Typography.Text type="secondary" className="replies-hint">
          {t('hub:replies.hint')}
        </Typography.Text>
      </div>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tickets.length === 0 ? t('hub:replies.empty') : t('hub:replies.emptyPending')} />
      ) : (
        <ol ref={list} className="reply-list" aria-label={t('hub:replies.title')}>
          {rows.map((row) => (
            <li
              key={row.ticket.id}
              tabIndex={0}
              className="reply-row"
              data-reply-row
              data-testid="hub-ticket"
              data-status={row.status}
              data-due={callbackStatuses.includes(row.status) ? (isDue(row, now) ? 'now' : 'later') : undefined}
              aria-label={`${row.ticket.number} ${t(ticketStateKeys[row.ticket.state])}`}
              onKeyDown={(event) => {
                onKeyDown(event, row);
              }}
            >
              <ReplyDetails ticket={row.ticket} status={row.status} departmentName={departmentName} />
              {(row.status === 'callback_retry' || row.status === 'unreachable') && <CallbackDue row={row} due={isDue(row, now)} />}
              {callbackStatuses.includes(row.status) && (
                <Button
                  size="small"
                  type="primary"
                  ghost
                  tabIndex={-1}
                  onClick={() => {
                    act(row);
                  }}
                  data-testid="reply-callback"
                >
                  {t('hub:replies.callback')}
                </Button>
              )}
              {row.status === 'returned' && (
                <Button size="small" type="primary" ghost tabIndex={-1} onClick={() => act(row)} data-testid="reply-redispatch">
                  {t('hub:replies.redispatch')}
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** After 无法联系: how many tries, and when the next one is due (or that none is left). */
function CallbackDue({ row, due }: { row: ReplyRow; due: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const tries = { count: row.tries, total: defaultCallbackRetryPolicy.tries };
  return (
    <div className="reply-text" data-testid="callback-due">
      <span className="reply-label">{t('hub:replies.unreachableTries', tries)}</span>
      {row.status === 'unreachable'
        ? t('hub:replies.noTriesLeft')
        : due
          ? t('hub:replies.retryDueNow', { time: dayjs(row.dueAt).format('MM-DD HH:mm') })
          : t('hub:replies.retryDue', { time: dayjs(row.dueAt).format('MM-DD HH:mm') })}
    </div>
  );
}

function ReplyDetails({ ticket, status, departmentName }: { ticket: HubTicket; status: ReplyStatus; departmentName: (id: string) => string }): React.JSX.Element {
  const { t } = useTranslation();
  const reg = ticket.registration;
  return (
    <>
      <div className="reply-head">
        <strong className="reply-number">{ticket.number}</strong>
        <Tag>{t(ticketStateKeys[ticket.state])}</Tag>
        {status !== 'other' && <Tag color={statusColor[status]}>{t(replyStatusKeys[status])}</Tag>}
        <Typography.Text type="secondary" className="reply-time">
          {t('hub:replies.updated', { time: dayjs(ticket.updatedAt).format('MM-DD HH:mm') })}
        </Typography.Text>
      </div>
      <div className="reply-meta">
        {reg.requestType} · {reg.category.join(' / ')} · {reg.description.slice(0, 60)}
      </div>
      {ticket.reply && (
        <div className="reply-text" data-testid="reply-text">
          <span className="reply-label">
            {t('hub:replies.reply', { department: departmentName(ticket.reply.department), solved: ticket.reply.solved ? t('hub:replies.solved') : t('hub:replies.unsolved') })}
            {' · '}
            {dayjs(ticket.reply.at).format('MM-DD HH:mm')}：
          </span>
          {ticket.reply.text}
        </div>
      )}
      {ticket.returnReason && (
        <div className="reply-text" data-testid="return-reason">
          <span className="reply-label">
            {ticket.transfer ? `${departmentName(ticket.transfer.lead)} · ` : ''}
            {t('hub:replies.returned')}：
          </span>
          {ticket.returnReason}
        </div>
      )}
      {ticket.review !== 'not_required' && (
        <div className="reply-text" data-testid="review">
          <span className="reply-label">{t(reviewKeys[ticket.review])}</span>
          {ticket.reviewComment ? `：${ticket.reviewComment}` : ''}
        </div>
      )}
    </>
  );
}
