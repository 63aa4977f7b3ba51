import { Button, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueText } from '../../i18n/error-text';
import type { FieldIssue } from '../../../../shared/result';
import type { PhoneSettingsPatch, PhoneSettingsView } from '../../../../shared/phone/phone-settings';
import { afterCallWorkModes, dtmfModes, sipConnectSource } from '../../../../shared/phone/phone-settings';
import { desk } from '../../desk/desk';
import type { DeviceInfo } from './audio-devices';
import { listAudioDevices } from './audio-devices';
import { phoneEngine } from './phone-engine';
import { usePhoneUiStore } from './phone-ui-store';
import { errorCodeKeys } from '../../i18n/error-keys';
import { afterCallWorkModeKeys, dtmfModeKeys, phoneErrorKey, secretStorageKeys } from '../../i18n/phone/keys';
import { useNotices } from '../../core/notices';

interface FormValues {
  serverUri: string;
  domain: string;
  extension: string;
  authUser: string;
  password: string;
  displayName: string;
  iceServers: string;
  microphoneId: string;
  headsetId: string;
  ringerId: string;
  autoAnswer: boolean;
  dtmfMode: PhoneSettingsView['dtmfMode'];
  afterCallWorkSeconds: number;
  afterCallWorkMode: PhoneSettingsView['afterCallWorkMode'];
}

function toForm(view: PhoneSettingsView): FormValues {
  return {
    ...view,
    password: '',
    iceServers: view.iceServers.map((s) => s.urls).join('\n'),
    microphoneId: view.devices.microphoneId,
    headsetId: view.devices.headsetId,
    ringerId: view.devices.ringerId,
  };
}

function toPatch(values: FormValues): PhoneSettingsPatch {
  const iceServers = values.iceServers
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((urls) => ({ urls }));
  return {
    serverUri: values.serverUri,
    domain: values.domain,
    extension: values.extension,
    authUser: values.authUser,
    displayName: values.displayName,
    iceServers,
    devices: { microphoneId: values.microphoneId, headsetId: values.headsetId, ringerId: values.ringerId },
    autoAnswer: values.autoAnswer,
    dtmfMode: values.dtmfMode,
    afterCallWorkSeconds: values.afterCallWorkSeconds,
    afterCallWorkMode: values.afterCallWorkMode,
    ...(values.password ? { password: values.password } : {}),
  };
}

/** The SIP account and the devices. Errors name the field, in the operator's language. */
export function PhoneSettingsDialog(): React.JSX.Element {
  const { t } = useTranslation();
  const message = useNotices();
  const open = usePhoneUiStore((s) => s.dialog === 'settings');
  const setDialog = usePhoneUiStore((s) => s.dialogOpened);
  const [form] = Form.useForm<FormValues>();
  const [view, setView] = useState<PhoneSettingsView | null>(null);
  const [devices, setDevices] = useState<DeviceInfo[]>([]);

  useEffect(() => {
    if (!open) return;
    void desk.getPhoneSettings().then((result) => {
      if (!result.ok) return;
      setView(result.value);
      form.setFieldsValue(toForm(result.value));
    });
    void listAudioDevices().then(setDevices, () => undefined);
  }, [open, form]);

  /** A field issue from shared/phone's schema carries a phone error code; anything else its validation code. */
  const wordPhoneIssue = (issue: FieldIssue): string => {
    const key = phoneErrorKey(issue.message);
    return key ? t(key) : issueText(t, issue);
  };

  const save = async (values: FormValues): Promise<void> => {
    const result = await desk.updatePhoneSettings(toPatch(values));
    if (!result.ok) {
      const fields = (result.error.issues ?? []).map((issue) => ({
        name: fieldName(issue.path),
        errors: [wordPhoneIssue(issue)],
      }));
      if (fields.length > 0) form.setFields(fields);
      else message.error(t(errorCodeKeys[result.error.code]));
      return;
    }
    message.success(t('phone:settings.saved'));
    setDialog('none');
    // The Content-Security-Policy allows the SIP server's origin as it was when the page loaded.
    if (view && sipConnectSource(view) !== sipConnectSource(result.value) && sipConnectSource(result.value) !== '') {
      message.info(t('phone:settings.reloadNeeded'));
      window.location.reload();
      return;
    }
    await phoneEngine.settingsSaved(result.value, values.password !== '');
  };

  const deviceOptions = (kind: MediaDeviceKind): { value: string; label: string }[] => [
    { value: '', label: t('phone:settings.defaultDevice') },
    ...devices.filter((d) => d.kind === kind && d.deviceId !== 'default' && d.deviceId !== '').map((d) => ({ value: d.deviceId, label: d.label || d.deviceId })),
  ];

  return (
    <Modal open={open} title={t('phone:settings.title')} footer={null} width={560} onCancel={() => {
      setDialog('none');
    }}>
      <Form form={form} layout="vertical" size="small" onFinish={(values) => void save(values)} data-testid="phone-settings-form">
        <Form.Item name="serverUri" label={t('phone:settings.serverUri')}>
          <Input placeholder="wss://pbx.example.gov.cn:7443/ws" data-testid="phone-server" />
        </Form.Item>
        <Form.Item name="domain" label={t('phone:settings.domain')}>
          <Input data-testid="phone-domain" />
        </Form.Item>
        <Form.Item name="extension" label={t('phone:settings.extension')}>
          <Input data-testid="phone-extension" />
        </Form.Item>
        <Form.Item name="authUser" label={t('phone:settings.authUser')}>
          <Input data-testid="phone-auth-user" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('phone:settings.password')}
          extra={view?.hasPassword ? t('phone:settings.passwordSaved', { where: t(secretStorageKeys[view.secretStorage]) }) : undefined}
        >
          <Input.Password autoComplete="new-password" data-testid="phone-password" />
        </Form.Item>
        <Form.Item name="displayName" label={t('phone:settings.displayName')}>
          <Input />
        </Form.Item>
        <Form.Item name="iceServers" label={t('phone:settings.iceServers')}>
          <Input.TextArea rows={2} data-testid="phone-ice" />
        </Form.Item>
        <Form.Item name="microphoneId" label={t('phone:settings.microphone')}>
          <Select options={deviceOptions('audioinput')} />
        </Form.Item>
        <Form.Item name="headsetId" label={t('phone:settings.headset')}>
          <Select options={deviceOptions('audiooutput')} />
        </Form.Item>
        <Form.Item name="ringerId" label={t('phone:settings.ringer')}>
          <Select options={deviceOptions('audiooutput')} />
        </Form.Item>
        <Form.Item name="dtmfMode" label={t('phone:settings.dtmfMode')}>
          <Select options={dtmfModes.map((mode) => ({ value: mode, label: t(dtmfModeKeys[mode]) }))} />
        </Form.Item>
        <Form.Item name="afterCallWorkSeconds" label={t('phone:settings.afterCallWork')}>
          <InputNumber min={0} max={1800} />
        </Form.Item>
        <Form.Item name="afterCallWorkMode" label={t('phone:settings.afterCallWorkMode')}>
          <Select options={afterCallWorkModes.map((mode) => ({ value: mode, label: t(afterCallWorkModeKeys[mode]) }))} data-testid="phone-acw-mode" />
        </Form.Item>
        <Form.Item name="autoAnswer" valuePropName="checked">
          <Checkbox>{t('phone:settings.autoAnswer')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="phone-settings-save">
          {t('phone:settings.save')}
        </Button>
      </Form>
    </Modal>
  );
}

/** A schema path such as `devices.headsetId` or `iceServers.0.urls` → the form field that shows it. */
function fieldName(path: string): keyof FormValues {
  if (path.startsWith('devices.')) return path.slice('devices.'.length) as keyof FormValues;
  if (path.startsWith('iceServers')) return 'iceServers';
  return path as keyof FormValues;
}
