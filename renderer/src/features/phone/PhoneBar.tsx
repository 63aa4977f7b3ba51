import { AlertOutlined, MedicineBoxOutlined, PhoneOutlined, QuestionCircleOutlined, SettingOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Text } from '../../core/Text';
import { lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../desk/desk';
import { useWorkbenchStore } from '../../stores/workbench-store';
import { CallControls } from './CallControls';
import { DialBox } from './DialBox';
import { exposePhoneDiagnostics } from './diagnostics';
import { startPresenceReporter } from './presence-reporter';
import { startJoinRequests } from './join-requests';
import { phoneEngine } from './phone-engine';
import { usePhoneStore } from './phone-store';
import { usePhoneUiStore } from './phone-ui-store';
import { RegistrationTag } from './RegistrationTag';
import { OpenedOnce } from '../../core/opened-once';
import { phoneErrorKey } from '../../i18n/phone/keys';
import { Hint } from '../../core/Hint';
import { useNotices } from '../../core/notices';

// Each dialog's code is fetched the first time it opens.
const TransferDialog = lazy(() => import('./TransferDialog').then((m) => ({ default: m.TransferDialog })));
const Keypad = lazy(() => import('./Keypad').then((m) => ({ default: m.Keypad })));
const PhoneSettingsDialog = lazy(() => import('./PhoneSettingsDialog').then((m) => ({ default: m.PhoneSettingsDialog })));
const SelfCheckDialog = lazy(() => import('./SelfCheckDialog').then((m) => ({ default: m.SelfCheckDialog })));

let booted = false;

/** The top bar: registration state in words, the call in focus with its controls, dialling, phone settings. */
export function PhoneBar(): React.JSX.Element {
  const { t } = useTranslation();
  const message = useNotices();
  const helpToggled = useWorkbenchStore((s) => s.helpToggled);
  const openDialog = usePhoneUiStore((s) => s.dialogOpened);
  const dialog = usePhoneUiStore((s) => s.dialog);
  const hasCall = usePhoneStore((s) => Object.keys(s.calls).length > 0);
  const lastError = usePhoneStore((s) => s.lastError);
  const missingDevices = usePhoneStore((s) => s.missingDevices.length > 0);
  const helpRequested = usePhoneStore((s) => s.helpRequested);

  useEffect(() => {
    // Once per page, not per render (StrictMode mounts twice in development).
    if (booted) return;
    booted = true;
    exposePhoneDiagnostics();
    phoneEngine.boot();
    startPresenceReporter();
    startJoinRequests();
    // OS-wide answer / hang-up keys (desktop app only).
    desk.on('phoneShortcut', ({ action }) => {
      if (action === 'answer') void phoneEngine.answer();
      else void phoneEngine.hangup();
    });
  }, []);

  useEffect(() => {
    if (!lastError) return;
    message.error(t(phoneErrorKey(lastError) ?? 'phone:errors.actionFailed'));
    usePhoneStore.getState().errorRaised(null);
  }, [lastError, message, t]);

  return (
    <header className="phone-bar" data-testid="phone-bar">
      <h5 className="phone-bar-title">
        <PhoneOutlined /> {t('common:app.title')}
      </h5>
      <RegistrationTag />
      {missingDevices && <Text type="warning">{t('phone:devicesMissing')}</Text>}
      {hasCall ? <CallControls /> : <Text type="secondary">{t('phone:noCall')}</Text>}
      <span className="spacer" />
      {!hasCall && <DialBox />}
      <Hint title={helpRequested ? t('phone:actions.helpRequested') : t('phone:actions.requestHelp')}>
        <Button
          type={helpRequested ? 'primary' : 'text'}
          danger={helpRequested}
          icon={<AlertOutlined />}
          data-testid="request-help"
          aria-pressed={helpRequested}
          onClick={() => {
            usePhoneStore.getState().helpToggled();
          }}
        >
          {helpRequested ? t('phone:actions.helpRequested') : null}
        </Button>
      </Hint>
      <Hint title={t('phone:actions.selfCheck')}>
        <Button type="text" icon={<MedicineBoxOutlined />} data-testid="open-self-check" onClick={() => {
          openDialog('selfCheck');
        }} />
      </Hint>
      <Hint title={t('phone:actions.settings')}>
        <Button type="text" icon={<SettingOutlined />} data-testid="open-phone-settings" onClick={() => {
          openDialog('settings');
        }} />
      </Hint>
      <Button
        type="text"
        icon={<QuestionCircleOutlined />}
        onClick={() => {
          helpToggled(true);
        }}
        data-testid="open-shortcuts"
      >
        {t('common:shortcuts.open')}
      </Button>
      <OpenedOnce open={dialog === 'transfer'}>
        <TransferDialog />
      </OpenedOnce>
      <OpenedOnce open={dialog === 'keypad'}>
        <Keypad />
      </OpenedOnce>
      <OpenedOnce open={dialog === 'settings'}>
        <PhoneSettingsDialog />
      </OpenedOnce>
      <OpenedOnce open={dialog === 'selfCheck'}>
        <SelfCheckDialog />
      </OpenedOnce>
    </header>
  );
}
