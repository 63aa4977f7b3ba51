import { Alert, Button, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { satisfactionLevels } from '../../../../shared/tickets/ticket-choices';
import { mayCloseAfterCallback } from '../../../../shared/tickets/closing-rules';
import { useSettingsStore } from '../../stores/settings-store';
import { useDeskErrorText } from '../../core/use-desk-error-text';
import { desk } from '../../desk/desk';
import type { CallbackCandidate } from './callback-candidates';
import { callbackCandidates, candidateLabel } from './callback-candidates';
import { useTicketSessionStore } from '../../core/ticket-session-store';
import { CallbackCall } from './CallbackCall';
import { useTicketRequest } from './use-ticket-request';
import type { Confirmation } from './TicketConfirmation';
import { satisfactionKeys } from '../../i18n/ticket/keys';

interface CallbackValues {
  ticketId: string | undefined;
  solved: boolean | undefined;
  satisfaction: (typeof satisfactionLevels)[number] | undefined;
  comments: string;
  close: boolean;
}

const initialValues: CallbackValues = { ticketId: undefined, solved: undefined, satisfaction: undefined, comments: '', close: true };

/** After the caller was reached (or a ticket was picked in the 回访 list): "solved?" takes the focus. */
function focusSolved(): void {
  const section = document.querySelector<HTMLElement>('[data-ticket-section="callback"]');
  section?.scrollIntoView({ block: 'nearest' });
  section?.querySelector<HTMLInputElement>('[data-testid="field-solved"] input')?.focus();
}

/** 回访: solved or not, 满意 / 基本满意 / 不满意, and what the caller said. */
export function CallbackForm({ refreshKey, onDone }: { refreshKey: string; onDone: (confirmation: Confirmation) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [form] = Form.useForm<CallbackValues>();
  const errorText = useDeskErrorText();
  const [tickets, setTickets] = useState<CallbackCandidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  // 办结 with the callback is offered where the centre's rule allows it after what the caller said.
  const rule = useSettingsStore((s) => s.settings.closeAfterCallback);
  const solved = Form.useWatch<boolean | undefined>('solved', form);
  const satisfaction = Form.useWatch<CallbackValues['satisfaction']>('satisfaction', form);
  const ticketId = Form.useWatch<string | undefined>('ticketId', form);
  const selected = tickets.find((c) => c.id === ticketId);
  const mayClose = solved !== undefined && satisfaction !== undefined && mayCloseAfterCallback({ solved, satisfaction }, rule);

  // The desk's own tickets, and the department replies that came back from the hub.
  const load = useCallback(async (): Promise<CallbackCandidate[]> => {
    const [local, hub] = await Promise.all([desk.listTickets({ limit: 200 }), desk.listHubTickets({ limit: 200 })]);
    return callbackCandidates(local.ok ? local.value : [], hub.ok ? hub.value : []);
  }, []);

  useEffect(() => {
    let live = true;
    void load().then((candidates) => {
      if (live) setTickets(candidates);
    });
    return () => {
      live = false;
    };
  }, [refreshKey, reload, load]);

  useEffect(
    () =>
      desk.on('hubTicketsChanged', () => {
        setReload((n) => n + 1);
      }),
    [],
  );

  // A ticket picked in the 回访 list: select it and go on with "solved?".
  useEffect(
    () =>
      useTicketSessionStore.subscribe((state, previous) => {
        const request = state.callbackRequest;
        if (!request || request === previous.callbackRequest) return;
        void load().then((candidates) => {
          setTickets(candidates);
          if (!candidates.some((c) => c.id === request.ticketId)) return;
          form.setFieldsValue({ ticketId: request.ticketId });
          focusSolved();
        });
      }),
    [load, form],
  );

  useTicketRequest('submitRequest', 'callback', () => {
    form.submit();
  });

  const submit = async (values: CallbackValues): Promise<void> => {
    if (!values.ticketId) return;
    const callback = { solved: values.solved ?? false, satisfaction: values.satisfaction ?? 'dissatisfied', comments: values.comments };
    const close = values.close && mayCloseAfterCallback(callback, rule);
    const result = await desk.recordCallback({ ticketId: values.ticketId, callback, close });
    if (!result.ok) {
      setError(t('ticket:failed', { reason: errorText(result.error) }));
      return;
    }
    setError(null);
    form.resetFields();
    setReload((n) => n + 1);
    useTicketSessionStore.getState().callbackRecorded();
    onDone({ ticketId: values.ticketId, text: close ? t('ticket:callback.closed') : t('ticket:callback.done'), next: t('ticket:confirm.nextCallback') });
  };

  return (
    <div data-ticket-section="callback" data-testid="callback-section">
      {error && <Alert type="error" showIcon title={error} className="ticket-hint" />}
      <Form<CallbackValues> form={form} layout="vertical" size="small" initialValues={initialValues} onFinish={(v) => void submit(v)} className="ticket-form">
        <Form.Item name="ticketId" label={t('ticket:callback.ticket')} rules={[{ required: true, message: t('ticket:validation.callbackTicket') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={t('ticket:callback.noTickets')}
            options={tickets.map((ticket) => ({ value: ticket.id, label: candidateLabel(ticket) }))}
            data-first-field
            data-testid="field-callbackTicket"
          />
        </Form.Item>
        <CallbackCall
          key={ticketId ?? ''}
          candidate={selected}
          note={() => String(form.getFieldValue('comments') ?? '')}
          onReached={focusSolved}
          onUnreachable={() => {
            setReload((n) => n + 1);
            useTicketSessionStore.getState().callbackRecorded();
          }}
        />
        <Form.Item name="solved" label={t('ticket:callback.solved')} rules={[{ required: true, message: t('ticket:validation.solved') }]}>
          <Radio.Group
            options={[
              { value: true, label: t('ticket:callback.yes') },
              { value: false, label: t('ticket:callback.no') },
            ]}
            data-testid="field-solved"
          />
        </Form.Item>
        <Form.Item name="satisfaction" label={t('ticket:callback.satisfaction')} rules={[{ required: true, message: t('ticket:validation.satisfaction') }]}>
          <Radio.Group options={satisfactionLevels.map((s) => ({ value: s, label: t(satisfactionKeys[s]) }))} data-testid="field-satisfaction" />
        </Form.Item>
        <Form.Item name="comments" label={t('ticket:callback.comments')} rules={[{ max: 1000, message: t('ticket:validation.commentsTooLong') }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="field-comments" />
        </Form.Item>
        <Form.Item name="close" valuePropName="checked" hidden={!mayClose}>
          <Checkbox data-testid="field-closeAfterCallback">{t('ticket:callback.close')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="submit-callback">
          {t('ticket:callback.submit')}
        </Button>
      </Form>
    </div>
  );
}
