import { Empty, Input, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubCallerHistory } from '../../../../shared/hub/hub-ticket';
import type { DeskError } from '../../../../shared/result';
import type { CallerHistory } from '../../../../shared/tickets/caller-history';
import { desk } from '../../desk/desk';
import { useTicketDraftStore } from '../../stores/ticket-draft-store';
import { useHubStore } from '../../core/hub-store';
import { deskErrorText } from '../../i18n/error-text';
import { useTicketSessionStore } from '../../core/ticket-session-store';
import { useTicketReference } from '../../core/use-ticket-reference';
import { phoneLineOf } from '../../../../shared/phone/phone-number';
import type { HistoryRow } from './history-merge';
import { mergeCallerHistory, summariseCallerHistory } from './history-merge';
import { ticketStateKeys } from '../../i18n/history/keys';

interface Answer {
  key: string;
  local: CallerHistory;
  /** The hub's answer; null when not signed in or when the hub could not be asked (`hubError` says why). */
  hub: HubCallerHistory | null;
  hubError: DeskError | null;
}

/**
 * The caller's earlier tickets: the answered call's number by default, any
 * number typed here otherwise. This desk's own tickets always; signed in to
 * the hub and online, every desk's too (the hub's number, state and the
 * department's reply; a confidential caller masked where the hub masks it).
 * A repeat caller (same number and matter within 30 days) is flagged.
 */
export function HistoryPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const callNumber = useTicketDraftStore((s) => s.call?.number ?? '');
  const category = useTicketDraftStore((s) => s.category);
  const account = useHubStore((s) => s.session?.username ?? null);
  const { departments } = useTicketReference();
  const departmentName = (id: string): string => departments.find((d) => d.id === id)?.name ?? id;
  const [typed, setTyped] = useState<string | null>(null);
  // Any written form (0539-8123456, +86 539 8123456 …) asks for the same caller: its line in the stored form.
  const number = phoneLineOf(typed ?? callNumber) ?? '';
  // The ticket registered for this call (or being worked on) is listed but never counts as its own repeat.
  const callTicketId = useTicketDraftStore((s) => s.call?.ticketId ?? null);
  const sessionTicketId = useTicketSessionStore((s) => s.ticket?.id ?? null);
  const excludeTicketId = callTicketId ?? sessionTicketId;
  // Kept with the question it answers, so a stale answer is never shown for a newer number (or another operator).
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = `${number}|${category?.join('/') ?? ''}|${account ?? ''}|${excludeTicketId ?? ''}`;
  const current = answer?.key === key ? answer : null;

  useEffect(() => {
    if (!number) return;
    let live = true;
    const matter: [string, string] | null = category ? [category[0], category[1]] : null;
    const asking = { number, category: matter, excludeTicketId };
    void Promise.all([desk.callerHistory(asking), account ? desk.hubCallerHistory(asking) : Promise.resolve(null)]).then(([local, hub]) => {
      if (!live || !local.ok) return;
      setAnswer({ key, local: local.value, hub: hub?.ok ? hub.value : null, hubError: hub && !hub.ok ? hub.error : null });
    });
    return () => {
      live = false;
    };
  }, [number, category, key, account, excludeTicketId]);

  const rows = current ? mergeCallerHistory(current.local.tickets, current.hub?.tickets ?? null) : [];
  const summary = current ? summariseCallerHistory(current.local, current.hub, rows, new Date(), category !== null, excludeTicketId) : null;

  return (
    <div className="history-panel" data-testid="history-panel">
      <Input.Search
        allowClear
        value={typed ?? callNumber}
        placeholder={t('history:numberPlaceholder')}
        inputMode="tel"
        onChange={(event) => {
          setTyped(event.target.value);
        }}
        data-testid="history-number"
      />
      {summary && (summary.localRecent > 0 || (summary.hubRecent ?? 0) > 0 || summary.repeatCaller) && (
        <Typography.Paragraph className="history-summary" data-testid="history-summary">
          {summary.localRecent > 0 && <span>{t('history:recent', { count: summary.localRecent })}</span>}
          {summary.hubRecent !== null && summary.hubRecent > 0 && (
            <span data-testid="history-hub-summary">
              {summary.localRecent > 0 && '；'}
              {t('history:hubSummary', { count: summary.hubRecent })}
              {summary.sameMatter !== null && summary.sameMatter > 0 && `，${t('history:hubSameMatter', { count: summary.sameMatter })}`}
            </span>
          )}{' '}
          {summary.repeatCaller && <Tag color="orange">{t('history:repeat')}</Tag>}
        </Typography.Paragraph>
      )}
      {current && !current.hub && (
        <Typography.Paragraph type="secondary" className="history-note" data-testid="history-local-only">
          {current.hubError ? t('history:hubUnavailable', { reason: deskErrorText(t, current.hubError) }) : t('history:localOnly')}
        </Typography.Paragraph>
      )}
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history:empty')} />
      ) : (
        <List size="small" dataSource={rows} renderItem={(row) => <HistoryItem row={row} departmentName={departmentName} />} />
      )}
    </div>
  );
}

function HistoryItem({ row, departmentName }: { row: HistoryRow; departmentName: (id: string) => string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <List.Item data-testid="history-ticket" data-ticket-id={row.id} data-source={row.local ? 'local' : 'hub'}>
      <List.Item.Meta
        title={
          <>
            {row.number && <span className="history-number">{row.number} · </span>}
            {dayjs(row.createdAt).format('YYYY-MM-DD HH:mm')} · {row.requestType} · {row.category.join(' / ')} <Tag>{t(ticketStateKeys[row.state])}</Tag>
            {row.confidential && <Tag color="red">{t('history:confidential')}</Tag>}
            {!row.local && <Tag color="blue">{t('history:fromHub')}</Tag>}
          </>
        }
        description={
          <>
            {row.contactMasked && (
              <div className="history-masked" data-testid="history-masked">
                {row.callerNumber} · {t('history:masked')}
              </div>
            )}
            <div>{row.description.slice(0, 120)}</div>
            {row.reply && (
              <div className="history-reply" data-testid="history-reply">
                <strong>{t('history:reply', { department: departmentName(row.reply.department), solved: row.reply.solved ? t('history:solved') : t('history:unsolved') })}</strong>
                {row.reply.text}
              </div>
            )}
          </>
        }
      />
    </List.Item>
  );
}
