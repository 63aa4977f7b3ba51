import { Tag } from 'antd';
import { Text } from '../../core/Text';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { phoneLineOf } from '../../../../shared/phone/phone-number';
import type { RingHistory, RingHistoryRow } from '../../../../shared/tickets/ring-history';
import { ticketStateKeys } from '../../i18n/history/keys';
import { useTicketReference } from '../../core/use-ticket-reference';
import { useRingHistoryStore } from './ring-history-store';

/**
 * The caller's earlier tickets, shown while the call rings: open ones first
 * with state, department, a reply waiting for its callback, how often they
 * rang about the same matter in 30 days and the flags (confidential, masked,
 * repeat, unreasonable before). Every desk's from the hub, as this operator
 * may see them; from the desk's cache when the hub is slow or down, saying
 * how old it is. Alt+↑/↓ opens a row in place, Alt+Shift+R links the new
 * ticket to it.
 */
export function CallerHistorySlot({ number, callId }: { number: string; callId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const line = phoneLineOf(number);
  const answer = useRingHistoryStore((s) => (s.callId === callId ? s.answer : null));
  const selected = useRingHistoryStore((s) => s.selected);
  const linked = useRingHistoryStore((s) => s.linked);
  const { departments } = useTicketReference();
  const departmentName = (id: string): string => departments.find((d) => d.id === id)?.name ?? id;
  const marked = useRef<string | null>(null);

  useEffect(() => {
    // A ringing call was asked for as it arrived (askOnRing); any other call shown (dialled, picked up again) is asked now.
    useRingHistoryStore.getState().asked(callId, number);
  }, [callId, number]);

  useEffect(() => {
    // Read by the `sip` benchmark: INVITE sent → the ringing screen pop with the caller's history rendered.
    if (answer && marked.current !== callId) {
      marked.current = callId;
      performance.mark('phone:screen-pop-history', { detail: callId });
    }
  }, [answer, callId]);

  if (!line) {
    return (
      <Text type="secondary" data-testid="caller-history" data-state="no-line">
        {t('caller:ring.noLine')}
      </Text>
    );
  }
  if (!answer) {
    return (
      <Text type="secondary" data-testid="caller-history" data-state="loading">
        {t('caller:ring.loading')}
      </Text>
    );
  }
  return (
    <div className="caller-history" data-testid="caller-history" data-state="shown" data-source={answer.source} aria-label={t('caller:ring.label')}>
      <HistoryHeader answer={answer} />
      {answer.rows.length === 0 ? (
        <Text type="secondary">{t('caller:ring.none')}</Text>
      ) : (
        <ol className="caller-history-rows">
          {answer.rows.map((row, index) => (
            <HistoryRowItem key={row.id} row={row} open={selected === index} linked={linked?.ticketId === row.id} departmentName={departmentName} />
          ))}
        </ol>
      )}
      {answer.rows.length > 0 && (
        <Text type="secondary" className="caller-history-keys">
          {t('caller:ring.keys')}
        </Text>
      )}
    </div>
  );
}

function minutesSince(iso: string | null): number | null {
  if (!iso) return null;
  return Math.max(0, dayjs().diff(dayjs(iso), 'minute'));
}

function HistoryHeader({ answer }: { answer: RingHistory }): React.JSX.Element {
  const { t } = useTranslation();
  const minutes = minutesSince(answer.asOf);
  let note: string | null = null;
  if (answer.hubProblem === 'signed_out') note = t('caller:ring.signedOut');
  else if (answer.source === 'cache') note = t('caller:ring.fromCache', { minutes: minutes ?? 0 });
  else if (answer.source === 'desk') note = minutes === null ? t('caller:ring.deskOnlyNever') : t('caller:ring.deskOnly', { minutes });
  return (
    <div className="caller-history-header">
      {answer.recentCount > 0 && <Tag data-testid="caller-history-recent">{t('caller:ring.recent', { count: answer.recentCount })}</Tag>}
      {answer.repeatCaller && (
        <Tag color="orange" data-testid="caller-history-repeat">
          {t('caller:ring.repeat')}
        </Tag>
      )}
      {note && (
        <Text type="warning" className="caller-history-note" data-testid="caller-history-note" data-source={answer.source} data-as-of={answer.asOf ?? ''}>
          {note}
        </Text>
      )}
    </div>
  );
}

function HistoryRowItem({ row, open, linked, departmentName }: { row: RingHistoryRow; open: boolean; linked: boolean; departmentName: (id: string) => string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <li
      className={open ? 'caller-history-row caller-history-row-open' : 'caller-history-row'}
      data-testid="caller-history-row"
      data-ticket-id={row.id}
      data-open={row.open}
      data-selected={open}
      aria-current={open ? 'true' : undefined}
    >
      <span className="caller-history-number">{row.number ?? t('caller:ring.unnumbered')}</span> · {dayjs(row.createdAt).format('YYYY-MM-DD')} · {row.category.join(' / ')}{' '}
      <Tag color={row.open ? 'processing' : 'default'}>{t(ticketStateKeys[row.state])}</Tag>
      {row.department && <span className="caller-history-department">{departmentName(row.department)} </span>}
      {row.replyWaiting && <Tag color="gold">{t('caller:ring.replyWaiting')}</Tag>}
      {row.sameMatter30d >= 2 && <Tag color="orange">{t('caller:ring.sameMatter', { count: row.sameMatter30d })}</Tag>}
      {row.confidential && <Tag color="red">{t('caller:ring.confidential')}</Tag>}
      {row.contactMasked && <Tag>{t('caller:ring.masked')}</Tag>}
      {row.unreasonable && <Tag color="volcano">{t('caller:ring.unreasonable')}</Tag>}
      {row.urgeCount > 0 && <Tag>{t('caller:ring.urged', { count: row.urgeCount })}</Tag>}
      {linked && (
        <Tag color="green" data-testid="caller-history-linked">
          {t('caller:ring.linkedMark')}
        </Tag>
      )}
      {open && (
        <div className="caller-history-detail" data-testid="caller-history-detail">
          <div>{row.summary}</div>
          {row.reply && (
            <div>
              {t('caller:ring.reply', {
                department: departmentName(row.reply.department),
                solved: row.reply.solved ? t('caller:ring.solved') : t('caller:ring.unsolved'),
                text: row.reply.text,
              })}
            </div>
          )}
          {row.returnReason && <div>{t('caller:ring.returned', { reason: row.returnReason })}</div>}
        </div>
      )}
    </li>
  );
}
