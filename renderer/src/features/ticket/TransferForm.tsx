import { Alert, Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueText } from '../../i18n/error-text';
import type { DispatchQuery, DispatchSuggestion } from '../../../../shared/dispatch/suggestion';
import { supervisionLevels } from '../../../../shared/tickets/ticket-choices';
import type { Transfer } from '../../../../shared/tickets/ticket';
import { transferLimitIssue } from '../../../../shared/tickets/transfer-limit';
import { useDeskErrorText } from '../../core/use-desk-error-text';
import { desk } from '../../desk/desk';
import { SuggestionList } from './SuggestionList';
import { useDispatchLeadStore } from '../../core/dispatch-lead-store';
import { useHubStore } from '../../core/hub-store';
import { useTicketSessionStore } from '../../core/ticket-session-store';
import { useTicketReference } from '../../core/use-ticket-reference';
import { useTicketCounter, useTicketRequest } from './use-ticket-request';
import { fieldOfIssue } from '../../core/zod-rule';
import type { Confirmation } from './TicketConfirmation';
import { supervisionLevelKeys } from '../../i18n/ticket/keys';

interface TransferValues {
  lead: string | undefined;
  co: string[];
  dutyId: string | null;
  timeLimitDays: number;
  timeLimitReason: string;
  supervision: Transfer['supervision'];
  notes: string;
  redispatchReason: string;
}

const initialValues: TransferValues = { lead: undefined, co: [], dutyId: null, timeLimitDays: 3, timeLimitReason: '', supervision: 'none', notes: '', redispatchReason: '' };

/** Suggestions follow the description as it is typed, after this pause. */
const SUGGEST_DELAY_MS = 200;

interface Props {
  query: DispatchQuery | null;
  onDone: (confirmation: Confirmation) => void;
}

/** 转办: lead and co-handlers, the duty's time limit (changed only with a reason), supervision, notes. */
export function TransferForm({ query, onDone }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [form] = Form.useForm<TransferValues>();
  const errorText = useDeskErrorText();
  const { departments } = useTicketReference();
  const ticket = useTicketSessionStore((s) => s.ticket);
  const ticketChanged = useTicketSessionStore((s) => s.ticketChanged);
  // 退回: the department that returned it (the last lead) and its reason, as the hub sent them.
  const returnedBy = ticket?.state === 'returned' ? (ticket.transfer?.lead ?? null) : null;
  const returnReason = useHubStore((s) => (ticket?.state === 'returned' ? (s.tickets.find((h) => h.id === ticket.id)?.returnReason ?? null) : null));
  const [suggestions, setSuggestions] = useState<DispatchSuggestion[]>([]);
  const [dutyLimit, setDutyLimit] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const names = useMemo(() => new Map(departments.map((d) => [d.id, d.name])), [departments]);
  const departmentName = (id: string): string => names.get(id) ?? id;
  const departmentOptions = useMemo(() => departments.map((d) => ({ value: d.id, label: d.name })), [departments]);

  const queryKey = JSON.stringify(query);
  const wanted = query !== null && query.text.trim().length >= 4;
  // The query the shown suggestions answer, and one for which Alt+S came before its suggestions did (right after
  // registering, say): that Alt+S takes the first of them as they arrive instead of doing nothing.
  const suggestedFor = useRef<string | null>(null);
  const acceptWhenIn = useRef<string | null>(null);

  const accept = (s: DispatchSuggestion): void => {
    if (s.departmentId === null) return;
    form.setFieldsValue({ lead: s.departmentId, co: s.duty.co, dutyId: s.duty.id, timeLimitDays: s.duty.timeLimitDays, timeLimitReason: '' });
    setDutyLimit(s.duty.timeLimitDays);
    void form.validateFields(['co', 'timeLimitReason']).catch(() => undefined);
  };
  const firstWithLead = (list: DispatchSuggestion[]): DispatchSuggestion | undefined => list.find((s) => s.departmentId !== null);

  useEffect(() => {
    if (!query || !wanted) return;
    let live = true;
    const timer = window.setTimeout(() => {
      void desk.suggestDispatch(query).then((result) => {
        if (!live || !result.ok) return;
        setSuggestions(result.value);
        suggestedFor.current = queryKey;
        if (acceptWhenIn.current === queryKey) {
          acceptWhenIn.current = null;
          const first = firstWithLead(result.value);
          if (first) accept(first);
        }
      });
    }, SUGGEST_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // The query object is rebuilt on every render of the parent; its content decides.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey]);

  // The phone's transfer directory lists this lead's numbers first.
  const chosenLead = Form.useWatch('lead', form);
  const suggestedLead = wanted ? (firstWithLead(suggestions)?.departmentId ?? null) : null;
  useEffect(() => {
    useDispatchLeadStore.getState().leadChanged(chosenLead ?? suggestedLead);
  }, [chosenLead, suggestedLead]);

  // Only a new request (Alt+S) accepts; new suggestions alone never change the operator's choice.
  useTicketCounter('acceptRequest', () => {
    if (!wanted) return;
    if (suggestedFor.current !== queryKey) {
      acceptWhenIn.current = queryKey;
      return;
    }
    const first = firstWithLead(suggestions);
    if (first) accept(first);
  });

  useTicketRequest('submitRequest', 'transfer', () => {
    form.submit();
  });

  const submit = async (values: TransferValues): Promise<void> => {
    if (!ticket) {
      setError(t('ticket:registerFirst'));
      return;
    }
    setError(null);
    const { redispatchReason, ...rest } = values;
    const transfer: Transfer = {
      ...rest,
      lead: values.lead ?? '',
      timeLimitReason: values.timeLimitReason.trim() || null,
      ...(ticket.state === 'returned' ? { redispatchReason: redispatchReason.trim() } : {}),
    };
    const result = await desk.transferTicket({ ticketId: ticket.id, transfer });
    if (!result.ok) {
      const issues = result.error.issues ?? [];
      form.setFields(issues.map((i) => ({ name: fieldOfIssue(i.path, 'transfer') ?? 'lead', errors: [issueText(t, i)] })) as never);
      setError(t('ticket:failed', { reason: errorText(result.error) }));
      return;
    }
    ticketChanged(result.value);
    const review = result.value.review === 'pending';
    onDone({
      ticketId: ticket.id,
      text: review ? t('ticket:reviewPending') : t('ticket:transfer.done', { name: departmentName(transfer.lead) }),
      next: review ? t('ticket:confirm.nextReview') : t('ticket:confirm.nextTransferred', { name: departmentName(transfer.lead), days: transfer.timeLimitDays }),
    });
  };

  return (
    <div data-ticket-section="transfer" data-testid="transfer-section">
      <SuggestionList suggestions={wanted ? suggestions : []} departmentName={departmentName} onAccept={accept} />
      {!ticket && <Alert type="info" showIcon title={t('ticket:registerFirst')} className="ticket-hint" />}
      {ticket?.state === 'returned' && (
        <Alert
          type="warning"
          showIcon
          title={t('ticket:transfer.returnedBy', { department: returnedBy ? departmentName(returnedBy) : '', reason: returnReason ?? '' })}
          className="ticket-hint"
          data-testid="transfer-returned"
        />
      )}
      {error && <Alert type="error" showIcon title={error} className="ticket-hint" data-testid="transfer-error" />}
      <Form<TransferValues> form={form} layout="vertical" size="small" initialValues={initialValues} onFinish={(v) => void submit(v)} data-testid="transfer-form">
        <Form.Item name="dutyId" hidden>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="lead"
              label={t('ticket:transfer.lead')}
              rules={[
                { required: true, message: t('ticket:transfer.requiredLead') },
                { validator: (_r, value: string | undefined) => (returnedBy !== null && value === returnedBy ? Promise.reject(new Error(t('ticket:validation.redispatchSameLead'))) : Promise.resolve()) },
              ]}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={departmentOptions} data-first-field data-testid="field-lead" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="co"
              label={t('ticket:transfer.co')}
              dependencies={['lead']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, value: string[] | undefined) => {
                    if ((value ?? []).includes(getFieldValue('lead') as string)) return Promise.reject(new Error(t('ticket:validation.coSameAsLead')));
                    if ((value ?? []).length > 10) return Promise.reject(new Error(t('ticket:validation.coTooMany')));
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={departmentOptions} data-testid="field-co" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="timeLimitDays" label={t('ticket:transfer.timeLimit')} extra={dutyLimit !== null ? t('ticket:transfer.dutyLimit', { days: dutyLimit }) : undefined} rules={[{ required: true, type: 'integer', min: 1, max: 60, message: t('ticket:validation.timeLimitRange') }]}>
              <InputNumber min={1} max={60} precision={0} data-testid="field-timeLimitDays" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="timeLimitReason"
              label={t('ticket:transfer.timeLimitReason')}
              dependencies={['timeLimitDays']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, value: string | undefined) => {
                    const issue = transferLimitIssue({ timeLimitDays: getFieldValue('timeLimitDays') as number, timeLimitReason: value ?? null }, dutyLimit);
                    if (issue) return Promise.reject(new Error(issueText(t, { code: issue })));
                    if ((value ?? '').length > 200) return Promise.reject(new Error(t('ticket:validation.reasonTooLong')));
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <Input autoComplete="off" data-testid="field-timeLimitReason" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="supervision" label={t('ticket:transfer.supervision')}>
              <Select options={supervisionLevels.map((s) => ({ value: s, label: t(supervisionLevelKeys[s]) }))} data-testid="field-supervision" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="notes" label={t('ticket:transfer.notes')} rules={[{ max: 1000, message: t('ticket:validation.notesTooLong') }]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="field-notes" />
            </Form.Item>
          </Col>
          {ticket?.state === 'returned' && (
            <Col span={24}>
              <Form.Item name="redispatchReason" label={t('ticket:transfer.redispatchReason')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('ticket:validation.redispatchReason') }]}>
                <Input autoComplete="off" data-testid="field-redispatchReason" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Button type="primary" htmlType="submit" disabled={!ticket} data-testid="submit-transfer">
          {t('ticket:transfer.submit')}
        </Button>
      </Form>
    </div>
  );
}
