import { Empty, Input, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallerHistory } from '../../../../shared/tickets/caller-history';
import { desk } from '../../desk/desk';
import { useTicketDraftStore } from '../../stores/ticket-draft-store';

const NUMBER = /^\+?\d{3,20}$/u;

/**
 * The caller's earlier tickets: the answered call's number by default, any
 * number typed here otherwise. A repeat caller (same number and matter within
 * 30 days) is flagged; a confidential ticket shows no caller name.
 */
export function HistoryPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const callNumber = useTicketDraftStore((s) => s.call?.number ?? '');
  const category = useTicketDraftStore((s) => s.category);
  const [typed, setTyped] = useState<string | null>(null);
  const number = (typed ?? callNumber).trim();
  // Kept with the number it answers, so a stale answer is never shown for a newer number.
  const [answer, setAnswer] = useState<{ key: string; history: CallerHistory } | null>(null);
  const key = `${number}|${category?.join('/') ?? ''}`;
  const history = answer?.key === key ? answer.history : null;

  useEffect(() => {
    if (!NUMBER.test(number)) return;
    let live = true;
    void desk.callerHistory({ number, category: category ? [category[0], category[1]] : null }).then((result) => {
      if (live && result.ok) setAnswer({ key, history: result.value });
    });
    return () => {
      live = false;
    };
  }, [number, category, key]);

  return (
    <div className="history-panel" data-testid="history-panel">
      <Input.Search
        allowClear
        value={typed ?? callNumber}
        placeholder={t('history.numberPlaceholder')}
        inputMode="tel"
        onChange={(event) => {
          setTyped(event.target.value);
        }}
        data-testid="history-number"
      />
      {history && history.recentCount > 0 && (
        <Typography.Paragraph className="history-summary" data-testid="history-summary">
          {t('history.recent', { count: history.recentCount })}
          {history.repeatCaller && <Tag color="orange">{t('history.repeat')}</Tag>}
        </Typography.Paragraph>
      )}
      {!history || history.tickets.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />
      ) : (
        <List
          size="small"
          dataSource={history.tickets}
          renderItem={(ticket) => (
            <List.Item data-testid="history-ticket">
              <List.Item.Meta
                title={
                  <>
                    {dayjs(ticket.createdAt).format('YYYY-MM-DD HH:mm')} · {ticket.registration.requestType} · {ticket.registration.category.join(' / ')}{' '}
                    <Tag>{t(`history.states.${ticket.state}`)}</Tag>
                    {ticket.registration.confidential && <Tag color="red">{t('history.confidential')}</Tag>}
                  </>
                }
                description={ticket.registration.description.slice(0, 120)}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
