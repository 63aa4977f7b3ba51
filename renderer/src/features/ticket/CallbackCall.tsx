import { PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callbackContact } from '../../../../shared/tickets/callback-contact';
import { callbackRetryStatus, defaultCallbackRetryPolicy } from '../../../../shared/tickets/callback-tries';
import type { TicketRecord } from '../../../../shared/tickets/ticket-record';
import { useDeskErrorText } from '../../core/use-desk-error-text';
import { desk } from '../../desk/desk';
import { useHubStore } from '../../core/hub-store';
import type { CallbackAction } from '../../core/ticket-session-store';
import { useTicketSessionStore } from '../../core/ticket-session-store';
import { phoneEngine, usePhoneStore } from '../phone';
import type { CallbackCandidate } from './callback-candidates';

type Notice = { type: 'success' | 'warning' | 'error' | 'info'; text: string } | null;

/**
 * The callback's call: the caller's number (masked on screen where the operator may not see it), a key to dial
 * it (Alt+Shift+D) and one to record 无法联系 (Alt+W) with the next try's time. When the dialled call ends the
 * operator says how it went: reached → on to the callback form, not reached → 无法联系.
 */
export function CallbackCall({ candidate, note, onReached, onUnreachable }: { candidate: CallbackCandidate | undefined; note: () => string; onReached: () => void; onUnreachable: (ticket: TicketRecord) => void }): React.JSX.Element | null {
  const { t } = useTranslation();
  const errorText = useDeskErrorText();
  const session = useHubStore((s) => s.session);
  const registered = usePhoneStore((s) => s.registration === 'registered');
  const liveCalls = usePhoneStore((s) => Object.keys(s.calls).length);
  const [dialled, setDialled] = useState<{ callId: string; ticketId: string; shown: string } | null>(null);
  const [ended, setEnded] = useState<{ ticketId: string; answered: boolean } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const reachedButton = useRef<HTMLButtonElement>(null);
  const unreachableButton = useRef<HTMLButtonElement>(null);

  const contact = candidate ? callbackContact(candidate.contact, { username: session?.username ?? null, role: session?.role ?? null }) : null;
  const retry = callbackRetryStatus(candidate?.attempts ?? []);
  const policy = defaultCallbackRetryPolicy;

  // The dialled call ends: ask how it went, the likelier answer focused.
  useEffect(() => {
    if (!dialled) return;
    return usePhoneStore.subscribe((state) => {
      if (state.calls[dialled.callId]) return;
      const last = state.lastEnded?.id === dialled.callId ? state.lastEnded : null;
      setEnded({ ticketId: dialled.ticketId, answered: last?.answeredAt != null });
      setDialled(null);
    });
  }, [dialled]);

  useEffect(() => {
    if (!ended) return;
    (ended.answered ? reachedButton : unreachableButton).current?.focus();
  }, [ended]);

  const dial = (): void => {
    if (!candidate || !contact) {
      setNotice({ type: 'error', text: t('ticket:validation.callbackTicket') });
      return;
    }
    if (contact.dial === null) setNotice({ type: 'error', text: t('ticket:callback.hubMasked') });
    else if (!registered) setNotice({ type: 'error', text: t('ticket:callback.phoneNotReady') });
    else if (liveCalls > 0) setNotice({ type: 'error', text: t('ticket:callback.busy') });
    else {
      const callId = phoneEngine.dial(contact.dial, contact.masked ? contact.shown : undefined);
      if (callId === null) return;
      setEnded(null);
      setNotice(null);
      setDialled({ callId, ticketId: candidate.id, shown: contact.shown });
    }
  };

  const unreachable = async (): Promise<void> => {
    if (!candidate) {
      setNotice({ type: 'error', text: t('ticket:validation.callbackTicket') });
      return;
    }
    const result = await desk.recordUnreachable({ ticketId: candidate.id, note: note() });
    if (!result.ok) {
      setNotice({ type: 'error', text: t('ticket:failed', { reason: errorText(result.error) }) });
      return;
    }
    setEnded(null);
    const status = callbackRetryStatus(result.value.callbackAttempts ?? []);
    const values = { count: status.tries, total: policy.tries };
    setNotice(
      status.nextDueAt === null
        ? { type: 'warning', text: t('ticket:callback.unreachableLast', values) }
        : { type: 'info', text: t('ticket:callback.unreachableDone', { ...values, time: dayjs(status.nextDueAt).format('MM-DD HH:mm') }) },
    );
    onUnreachable(result.value);
  };

  // Alt+Shift+D and Alt+W, wherever the focus is.
  const actions = useRef({ dial, unreachable });
  useEffect(() => {
    actions.current = { dial, unreachable };
  });
  useEffect(
    () =>
      useTicketSessionStore.subscribe((state, previous) => {
        const request = state.callbackActionRequest;
        if (!request || request === previous.callbackActionRequest) return;
        const act: Record<CallbackAction, () => void> = { dial: () => actions.current.dial(), unreachable: () => void actions.current.unreachable() };
        act[request.action]();
      }),
    [],
  );

  const spent = retry.unreachable;
  return (
    <div className="callback-call" data-testid="callback-call">
      {contact && contact.shown !== '' && (
        <div className="callback-number">
          <Typography.Text type="secondary">{t('ticket:callback.number')}：</Typography.Text>
          <Typography.Text strong data-testid="callback-number" data-masked={contact.masked ? 'true' : 'false'}>
            {contact.shown}
          </Typography.Text>
          {contact.masked && <Tag className="callback-masked">{contact.dial === null ? t('ticket:callback.hubMasked') : t('ticket:callback.masked')}</Tag>}
        </div>
      )}
      {candidate && retry.tries > 0 && (
        <Typography.Text type={spent ? 'danger' : 'warning'} data-testid="callback-tries">
          {spent
            ? t('ticket:callback.noTriesLeft', { count: retry.tries })
            : t('ticket:callback.triesSoFar', { count: retry.tries, total: policy.tries, time: dayjs(retry.nextDueAt).format('MM-DD HH:mm') })}
        </Typography.Text>
      )}
      <Space wrap size="small">
        <Button icon={<PhoneOutlined />} disabled={!candidate || contact?.dial === null || !registered || dialled !== null} onClick={dial} data-testid="callback-dial">
          {t('ticket:callback.dial')}
        </Button>
        <Button danger disabled={!candidate || spent} onClick={() => void unreachable()} data-testid="callback-unreachable">
          {t('ticket:callback.unreachable')}
        </Button>
      </Space>
      {dialled && <Alert type="info" showIcon title={t('ticket:callback.dialing', { number: dialled.shown })} data-testid="callback-dialing" />}
      {ended && candidate?.id === ended.ticketId && (
        <Alert
          type="info"
          showIcon
          data-testid="callback-outcome"
          title={t('ticket:callback.callEnded', { how: ended.answered ? t('ticket:callback.answered') : t('ticket:callback.unanswered') })}
          description={
            <Space wrap size="small">
              <Button
                ref={reachedButton}
                type="primary"
                size="small"
                onClick={() => {
                  setEnded(null);
                  onReached();
                }}
                data-testid="callback-reached"
              >
                {t('ticket:callback.reached')}
              </Button>
              <Button ref={unreachableButton} size="small" danger onClick={() => void unreachable()} data-testid="callback-outcome-unreachable">
                {t('ticket:callback.unreachable')}
              </Button>
            </Space>
          }
        />
      )}
      {notice && <Alert type={notice.type} showIcon title={notice.text} data-testid="callback-notice" />}
      {candidate && !spent && (
        <Typography.Text type="secondary" className="callback-hint">
          {t('ticket:callback.unreachableHint')}
        </Typography.Text>
      )}
    </div>
  );
}
