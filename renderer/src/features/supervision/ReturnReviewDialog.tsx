import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deskErrorText } from '../../i18n/error-text';
import { useReviewStore } from './review-store';
import { useNotices } from '../../core/notices';

const COMMENT_MAX = 1_000;

type TextAreaRef = React.ComponentRef<typeof Input.TextArea>;

/**
 * Returning a trainee's ticket (R): the comment is required — the trainee
 * reads it in their 部门答复 list and corrects the ticket. Ctrl+Enter sends,
 * Esc goes back to the queue.
 */
export function ReturnReviewDialog({ onClosed }: { onClosed: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const message = useNotices();
  const ticket = useReviewStore((s) => s.returning);
  const { decide, returnStarted } = useReviewStore.getState();
  const [form] = Form.useForm<{ comment: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<TextAreaRef>(null);

  const close = (): void => {
    setError(null);
    returnStarted(null);
  };

  const send = async ({ comment }: { comment: string }): Promise<void> => {
    if (!ticket || busy) return;
    setBusy(true);
    setError(null);
    const result = await decide(ticket, { decision: 'return', comment: comment.trim() });
    setBusy(false);
    if (!result.ok) {
      setError(t('supervision:reviews.decideFailed', { reason: deskErrorText(t, result.error) }));
      return;
    }
    message.success(t('supervision:reviews.returnDialog.done', { number: ticket.number }));
    close();
  };

  return (
    <Modal
      open={ticket !== null}
      title={ticket ? t('supervision:reviews.returnDialog.title', { number: ticket.number }) : ''}
      footer={null}
      width={520}
      destroyOnHidden
      onCancel={close}
      afterOpenChange={(opened) => {
        if (opened) input.current?.focus();
        else onClosed();
      }}
    >
      {ticket && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
          {ticket.registration.category.join(' / ')} · {ticket.registration.description}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} className="ticket-hint" data-testid="review-return-error" />}
      <Form form={form} layout="vertical" initialValues={{ comment: '' }} requiredMark={false} onFinish={(values) => void send(values)}>
        <Form.Item
          name="comment"
          label={t('supervision:reviews.returnDialog.label')}
          rules={[
            { required: true, whitespace: true, message: t('supervision:reviews.returnDialog.required') },
            {
              validator: (_rule, value: unknown) =>
                typeof value === 'string' && value.trim().length === 1 ? Promise.reject(new Error(t('supervision:reviews.returnDialog.tooShort'))) : Promise.resolve(),
            },
            { max: COMMENT_MAX, message: t('supervision:reviews.returnDialog.tooLong') },
          ]}
        >
          <Input.TextArea
            ref={input}
            autoSize={{ minRows: 3, maxRows: 8 }}
            showCount
            maxLength={COMMENT_MAX}
            placeholder={t('supervision:reviews.returnDialog.placeholder')}
            data-testid="review-comment"
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                form.submit();
              }
            }}
          />
        </Form.Item>
        <Space wrap>
          <Button type="primary" danger htmlType="submit" loading={busy} data-testid="review-return-submit">
            {t('supervision:reviews.returnDialog.submit')}
          </Button>
          <Button onClick={close} disabled={busy}>
            {t('supervision:reviews.returnDialog.cancel')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
