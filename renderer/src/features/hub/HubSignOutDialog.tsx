import { PersonLabel } from '../../core/person-label';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../desk/desk';
import { useHubStore } from '../../core/hub-store';
import { deskErrorText } from '../../i18n/error-text';
import { ShiftSummaryPanel } from './ShiftSummaryView';
import { useNotices } from '../../core/notices';

const NOTE_MAX = 2_000;

type TextAreaRef = React.ComponentRef<typeof Input.TextArea>;

/**
 * Signing out at a shift change (Alt+Q): the outgoing operator sees their
 * shift summary (班次小结: calls, tickets, what is left for the next shift) and may leave a
 * note for the next one (交接班备注) — written while still signed in, so it
 * carries their name — then the desk stops syncing under their account. What
 * waits in the queue stays and goes out under the next operator's session.
 */
export function HubSignOutDialog(): React.JSX.Element {
  const { t } = useTranslation();
  const message = useNotices();
  const open = useHubStore((s) => s.dialog === 'signOut');
  const session = useHubStore((s) => s.session);
  const { dialogOpened, sessionChanged } = useHubStore.getState();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteInput = useRef<TextAreaRef>(null);

  const close = (): void => {
    dialogOpened('none');
  };

  const signOut = async (note: string | null): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      if (note !== null) {
        const saved = await desk.setHandoverNote({ text: note });
        if (!saved.ok) {
          setError(t('hub:signOutDialog.failed', { reason: deskErrorText(t, saved.error) }));
          return;
        }
      }
      const result = await desk.hubSignOut();
      if (!result.ok) {
        setError(t('hub:signOutDialog.failed', { reason: deskErrorText(t, result.error) }));
        return;
      }
      await sessionChanged(null);
      // The next operator's sign-out starts from an empty note.
      form.resetFields();
      close();
      message.info(t('hub:signedOutDone'));
    } finally {
      setBusy(false);
    }
  };

  const leaveNote = async (): Promise<void> => {
    const { note } = await form.validateFields();
    await signOut(note.trim());
  };

  return (
    <Modal
      open={open}
      title={t('hub:signOutDialog.title')}
      footer={null}
      width={640}
      destroyOnHidden
      onCancel={close}
      afterOpenChange={(opened) => {
        if (opened) noteInput.current?.focus();
      }}
    >
      {session && (
        <Typography.Paragraph type="secondary">
          {t('hub:signOutDialog.who')}
          <PersonLabel name={session.displayName} details={[session.username]} />
        </Typography.Paragraph>
      )}
      <ShiftSummaryPanel active={open} />
      {error && <Alert type="error" showIcon title={error} className="ticket-hint" data-testid="hub-sign-out-error" />}
      <Form form={form} layout="vertical" initialValues={{ note: '' }} requiredMark={false} onFinish={() => void leaveNote()}>
        <Form.Item
          name="note"
          label={t('hub:signOutDialog.prompt')}
          rules={[
            { required: true, whitespace: true, message: t('hub:signOutDialog.empty') },
            { max: NOTE_MAX, message: t('hub:signOutDialog.tooLong') },
          ]}
        >
          <Input.TextArea
            ref={noteInput}
            autoSize={{ minRows: 3, maxRows: 8 }}
            showCount
            maxLength={NOTE_MAX}
            placeholder={t('hub:signOutDialog.placeholder')}
            data-testid="handover-input"
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                form.submit();
              }
            }}
          />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="hub-sign-out-with-note">
            {t('hub:signOutDialog.leaveNote')}
          </Button>
          <Button onClick={() => void signOut(null)} disabled={busy} data-testid="hub-sign-out-without-note">
            {t('hub:signOutDialog.withoutNote')}
          </Button>
          <Button onClick={close} disabled={busy}>
            {t('hub:signOutDialog.cancel')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
