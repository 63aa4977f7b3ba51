import { Alert, Button, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useDeskErrorText } from '../../core/use-desk-error-text';
import { desk } from '../../desk/desk';
import { useTicketDraftStore } from '../../stores/ticket-draft-store';
import { useTicketSessionStore } from '../../core/ticket-session-store';
import { useTicketRequest } from './use-ticket-request';
import { zodRule } from '../../core/zod-rule';
import type { Confirmation } from './TicketConfirmation';

/** The answer's rule (with zod), fetched the first time the form checks it. */
const answerSchema = async (): Promise<z.ZodType> => (await import('../../../../shared/tickets/registration-form')).answerFieldSchema;

interface AnswerValues {
  answer: string;
}

/** 直接答复: close the ticket with the answer given on the phone and the knowledge article it came from. */
export function AnswerForm({ onDone }: { onDone: (confirmation: Confirmation) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [form] = Form.useForm<AnswerValues>();
  const errorText = useDeskErrorText();
  const ticket = useTicketSessionStore((s) => s.ticket);
  const ticketChanged = useTicketSessionStore((s) => s.ticketChanged);
  const linked = useTicketDraftStore((s) => s.linkedArticleIds);
  const [error, setError] = useState<string | null>(null);

  useTicketRequest('submitRequest', 'answer', () => {
    form.submit();
  });

  const submit = async ({ answer }: AnswerValues): Promise<void> => {
    if (!ticket) {
      setError(t('ticket:registerFirst'));
      return;
    }
    const result = await desk.answerTicket({ ticketId: ticket.id, answer: { articleId: linked[0] ?? null, answer } });
    if (!result.ok) {
      setError(t('ticket:failed', { reason: errorText(result.error) }));
      return;
    }
    ticketChanged(result.value);
    onDone({ ticketId: ticket.id, text: t('ticket:answer.done'), next: t('ticket:confirm.nextAnswered') });
  };

  return (
    <div data-ticket-section="answer" data-testid="answer-section">
      {!ticket && <Alert type="info" showIcon title={t('ticket:registerFirst')} className="ticket-hint" />}
      {error && <Alert type="error" showIcon title={error} className="ticket-hint" />}
      <Typography.Text type="secondary">{t('ticket:answer.articles')}：</Typography.Text>{' '}
      {linked.length === 0 ? <Typography.Text type="secondary">{t('ticket:answer.noArticles')}</Typography.Text> : linked.map((id) => <Tag key={id}>{id}</Tag>)}
      <Form<AnswerValues> form={form} layout="vertical" size="small" initialValues={{ answer: '' }} onFinish={(v) => void submit(v)} className="ticket-form">
        <Form.Item name="answer" label={t('ticket:answer.text')} rules={[zodRule(answerSchema, t)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} showCount data-first-field data-testid="field-answer" />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={!ticket} data-testid="submit-answer">
          {t('ticket:answer.submit')}
        </Button>
      </Form>
    </div>
  );
}
