import { Alert, Button, Input, List, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueText } from '../../i18n/error-text';
import type { HubTicket } from '../../../../shared/hub/hub-ticket';
import type { FoundTickets, TicketTimeline } from '../../../../shared/tickets/existing-tickets';
import { foundTicketsSchema, ticketTimelineSchema } from '../../../../shared/tickets/existing-tickets';
import { desk } from '../../desk/desk';
import { ticketStateKeys } from '../../i18n/history/keys';
import { timelineKindKeys } from '../../i18n/hub/keys';
import { useTicketReference } from '../../core/use-ticket-reference';
import { useHubStore } from '../../core/hub-store';

/**
 * 查询已有工单 (Alt+F): a caller rings about a ticket they already have. Find it by its number or their phone
 * number, read its timeline, and add a supplement (补充, Ctrl+Enter in the text) or an urge (催办, Alt+U) to it
 * instead of registering a new ticket. Both are queued like every ticket change (offline too).
 */
export function ExistingTicketsDialog(): React.JSX.Element {
  const { t } = useTranslation();
  const { departments } = useTicketReference();
  const departmentName = (id: string): string => departments.find((d) => d.id === id)?.name ?? id;
  const open = useHubStore((s) => s.dialog === 'existing');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<FoundTickets | null>(null);
  const [selected, setSelected] = useState<HubTicket | null>(null);
  const [timeline, setTimeline] = useState<TicketTimeline | null>(null);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const close = (): void => {
    useHubStore.getState().dialogOpened('none');
  };
  const search = async (): Promise<void> => {
    setMessage(null);
    setSelected(null);
    setTimeline(null);
    const result = await desk.findTickets({ query });
    if (!result.ok) {
      setFound(null);
      setMessage({ type: 'error', text: result.error.issues?.[0] ? issueText(t, result.error.issues[0]) : t('hub:existing.failed') });
      return;
    }
    setFound(foundTicketsSchema.parse(result.value));
  };
  const choose = async (ticket: HubTicket): Promise<void> => {
    setSelected(ticket);
    const result = await desk.ticketTimeline({ ticketId: ticket.id });
    setTimeline(result.ok ? ticketTimelineSchema.parse(result.value) : null);
  };
  const followUp = async (kind: 'supplement' | 'urge'): Promise<void> => {
    if (!selected) return;
    const result =
      kind === 'supplement' ? await desk.supplementTicket({ ticketId: selected.id, supplement: { text } }) : await desk.urgeTicket({ ticketId: selected.id, urge: { note: text } });
    if (!result.ok) {
      setMessage({ type: 'error', text: result.error.issues?.[0] ? issueText(t, result.error.issues[0]) : t('hub:existing.failed') });
      return;
    }
    setText('');
    setMessage({ type: 'success', text: kind === 'supplement' ? t('hub:existing.supplemented', { number: selected.number }) : t('hub:existing.urged', { number: selected.number }) });
    await choose(selected);
  };

  return (
    <Modal open={open} title={t('hub:existing.title')} width={760} destroyOnHidden onCancel={close} footer={null}>
      <div
        data-testid="existing-tickets"
        onKeyDown={(event) => {
          if (event.altKey && event.code === 'KeyU') {
            event.preventDefault();
            void followUp('urge');
          }
        }}
      >
        <Input.Search
          autoFocus
          value={query}
          placeholder={t('hub:existing.placeholder')}
          aria-label={t('hub:existing.placeholder')}
          enterButton={t('hub:existing.search')}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
          onSearch={() => void search()}
          data-testid="existing-query"
        />
        {found && found.hub !== 'reached' && <Typography.Text type="secondary">{found.hub === 'signed_out' ? t('hub:existing.hubSignedOut') : t('hub:existing.hubUnreachable')}</Typography.Text>}
        {message && <Alert type={message.type} title={message.text} showIcon role="status" data-testid="existing-message" />}
        {found && (
          <List
            size="small"
            locale={{ emptyText: t('hub:existing.none') }}
            dataSource={found.tickets}
            renderItem={(ticket) => (
              <List.Item
                tabIndex={0}
                data-testid="existing-ticket"
                onClick={() => void choose(ticket)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') void choose(ticket);
                }}
              >
                <Space>
                  <strong>{ticket.number}</strong>
                  <Tag>{t(ticketStateKeys[ticket.state])}</Tag>
                  {ticket.urgeCount > 0 && <Tag color="orange">{t('hub:existing.urgeCount', { count: ticket.urgeCount })}</Tag>}
                  <span>{ticket.registration.description.slice(0, 40)}</span>
                </Space>
              </List.Item>
            )}
          />
        )}
        {selected && (
          <section aria-label={t('hub:existing.timeline')} data-testid="existing-timeline">
            <h4>{t('hub:existing.timeline')} · {selected.number}</h4>
            <ol>
              {timeline?.entries.map((entry, i) => (
                <li key={i} data-kind={entry.kind}>
                  {dayjs(entry.at).format('MM-DD HH:mm')} {t(timelineKindKeys[entry.kind] ?? 'hub:existing.kinds.other')}
                  {entry.department ? ` → ${departmentName(entry.department)}` : ''}
                  {entry.text ? `：${entry.text}` : ''}
                  {entry.pending ? ` (${t('hub:existing.pending')})` : ''}
                </li>
              ))}
            </ol>
            <Input.TextArea
              value={text}
              rows={3}
              placeholder={t('hub:existing.textPlaceholder')}
              aria-label={t('hub:existing.textPlaceholder')}
              onChange={(event) => {
                setText(event.target.value);
              }}
              onKeyDown={(event) => {
                if (event.ctrlKey && event.key === 'Enter') {
                  event.preventDefault();
                  void followUp('supplement');
                }
              }}
              data-testid="existing-text"
            />
            <Space>
              <Button onClick={() => void followUp('supplement')} data-testid="existing-supplement">
                {t('hub:existing.supplement')}
              </Button>
              <Button onClick={() => void followUp('urge')} data-testid="existing-urge">
                {t('hub:existing.urge')}
              </Button>
            </Space>
          </section>
        )}
      </div>
    </Modal>
  );
}
