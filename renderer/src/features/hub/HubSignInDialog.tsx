import { Alert, Button, Checkbox, Form, Input, Modal, Space } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hubSignInInputSchema } from '../../../../shared/hub/desk-session';
import { settingsSchema } from '../../../../shared/settings';
import { desk } from '../../desk/desk';
import { useSettingsStore } from '../../stores/settings-store';
import { zodRule } from '../../core/zod-rule';
import { useHubStore } from '../../core/hub-store';
import { deskErrorText, issueText, zodIssueText } from '../../i18n/error-text';
import { useNotices } from '../../core/notices';

interface SignInValues {
  hubUrl: string;
  username: string;
  password: string;
  /** Only while the desk is not enrolled at this hub. */
  enrolmentCode?: string;
}

const hubUrlSchema = settingsSchema.shape.hubUrl;

/**
 * Sign-in at the centre's hub (Alt+L): the hub's address (kept in the desk's
 * settings), the operator's account and password. The hub's answers
 * (wrong password, no address, hub unreachable) come as codes and are worded in the UI's language. A desk not yet
 * enrolled at this hub is asked once for the admin's one-time code: the field appears with the
 * reason and takes the focus, and Enter signs in again with it.
 */
export function HubSignInDialog(): React.JSX.Element {
  const { t } = useTranslation();
  const message = useNotices();
  const open = useHubStore((s) => s.dialog === 'signIn');
  const labInsecureTransport = useSettingsStore((s) => s.settings.labInsecureTransport);
  const { dialogOpened, sessionChanged } = useHubStore.getState();
  const [form] = Form.useForm<SignInValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** How many times the hub asked for the enrolment code in this dialog (0: the field is not shown). */
  const [codeAsked, setCodeAsked] = useState(0);
  const codeNeeded = codeAsked > 0;
  const codeInput = useRef<InputRef>(null);
  // Each time the hub asks, the code field (mounted by that render) takes the focus.
  useEffect(() => {
    if (codeAsked > 0) codeInput.current?.focus();
  }, [codeAsked]);
  const hubUrlInput = useRef<InputRef>(null);
  const usernameInput = useRef<InputRef>(null);

  const close = (): void => {
    setError(null);
    setCodeAsked(0);
    dialogOpened('none');
  };

  /** Saves the address if it changed; on a refusal, says why at the field. */
  const saveAddress = async (hubUrl: string): Promise<boolean> => {
    const store = useSettingsStore.getState();
    if (hubUrl === store.settings.hubUrl) return true;
    if (await store.update({ hubUrl })) return true;
    const failure = useSettingsStore.getState().lastError;
    const issue = failure?.issues?.find((i) => i.path === 'hubUrl');
    form.setFields([{ name: 'hubUrl', errors: [issue ? issueText(t, issue) : failure ? deskErrorText(t, failure) : t('errors:INTERNAL')] }]);
    return false;
  };

  const signIn = async (values: SignInValues): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      if (!(await saveAddress(values.hubUrl))) return;
      const enrolmentCode = values.enrolmentCode?.trim();
      const result = await desk.hubSignIn({ username: values.username.trim(), password: values.password, ...(enrolmentCode ? { enrolmentCode } : {}) });
      if (!result.ok) {
        const fields: readonly string[] = ['hubUrl', 'username', 'password', 'enrolmentCode'];
        const issues = (result.error.issues ?? []).filter((i) => fields.includes(i.path));
        if (result.error.code === 'INVALID_INPUT' && issues.length > 0) {
          if (issues.some((i) => i.path === 'enrolmentCode')) setCodeAsked((n) => n + 1);
          form.setFields(issues.map((i) => ({ name: i.path as keyof SignInValues, errors: [issueText(t, i)] })));
        } else setError(t('hub:signInDialog.failed', { reason: deskErrorText(t, result.error) }));
        return;
      }
      await sessionChanged(result.value);
      form.setFieldValue('password', '');
      close();
      message.success(t('hub:signedIn', { name: result.value.displayName }));
    } finally {
      setBusy(false);
    }
  };

  /** Keeps the address without signing in; an empty address means the desk works alone. */
  const onlySaveAddress = async (): Promise<void> => {
    const hubUrl = String(form.getFieldValue('hubUrl') ?? '').trim();
    const checked = hubUrlSchema.safeParse(hubUrl);
    if (!checked.success) {
      form.setFields([{ name: 'hubUrl', errors: [zodIssueText(t, checked.error.issues[0])] }]);
      return;
    }
    if (await saveAddress(hubUrl)) message.success(hubUrl ? t('hub:signInDialog.addressSaved') : t('hub:signInDialog.addressCleared'));
  };

  return (
    <Modal
      open={open}
      title={t('hub:signInDialog.title')}
      footer={null}
      width={460}
      destroyOnHidden
      onCancel={close}
      afterOpenChange={(opened) => {
        // Fresh fields each time (destroyOnHidden, preserve=false): the next operator never finds the last one's account.
        // The first empty field takes the focus once the dialog has opened, unless the operator already went
        // to a field while it was opening: focus moving mid-word would send the rest of it into another field.
        const typing = document.activeElement instanceof HTMLInputElement && document.activeElement.closest('[data-testid="hub-sign-in-form"]');
        if (opened && !typing) (form.getFieldValue('hubUrl') ? usernameInput : hubUrlInput).current?.focus();
      }}
    >
      <Form<SignInValues>
        form={form}
        layout="vertical"
        initialValues={{ hubUrl: useSettingsStore.getState().settings.hubUrl, username: '', password: '' }}
        onFinish={(values) => void signIn(values)}
        preserve={false}
        requiredMark={false}
        data-testid="hub-sign-in-form"
      >
        {error && <Alert type="error" showIcon title={error} className="ticket-hint" data-testid="hub-sign-in-error" />}
        <Form.Item
          name="hubUrl"
          label={t('hub:signInDialog.hubUrl')}
          extra={t('hub:signInDialog.hubUrlHint')}
          normalize={(value: string) => value.trim()}
          rules={[{ required: true, message: t('hub:signInDialog.hubUrlRequired') }, zodRule(hubUrlSchema, t)]}
        >
          <Input ref={hubUrlInput} placeholder={t('hub:signInDialog.hubUrlPlaceholder')} autoComplete="off" spellCheck={false} data-testid="hub-url" />
        </Form.Item>
        <Form.Item name="username" label={t('hub:signInDialog.username')} rules={[zodRule(hubSignInInputSchema.shape.username, t)]}>
          <Input ref={usernameInput} autoComplete="username" spellCheck={false} data-testid="hub-username" />
        </Form.Item>
        <Form.Item name="password" label={t('hub:signInDialog.password')} rules={[zodRule(hubSignInInputSchema.shape.password, t)]}>
          <Input.Password autoComplete="current-password" data-testid="hub-password" />
        </Form.Item>
        {codeNeeded && (
          <Form.Item name="enrolmentCode" label={t('hub:signInDialog.enrolmentCode')} extra={t('hub:signInDialog.enrolmentCodeHint')}>
            <Input ref={codeInput} autoComplete="off" spellCheck={false} data-testid="hub-enrolment-code" />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="hub-sign-in-submit">
            {t('hub:signInDialog.submit')}
          </Button>
          <Button onClick={() => void onlySaveAddress()} disabled={busy} data-testid="hub-save-address">
            {t('hub:signInDialog.saveAddress')}
          </Button>
        </Space>
        {/* The lab switch (a desk setting): plain http:// and ws:// to other machines; the status bar shows it while on. */}
        <Checkbox
          style={{ marginTop: 12 }}
          checked={labInsecureTransport}
          onChange={(event) => void useSettingsStore.getState().update({ labInsecureTransport: event.target.checked })}
          data-testid="hub-lab-transport"
        >
          {t('hub:signInDialog.labTransport')}
        </Checkbox>
      </Form>
    </Modal>
  );
}
