import { Button, List, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../desk/desk';
import { phoneEngine } from './phone-engine';
import { usePhoneUiStore } from './phone-ui-store';
import type { CheckName, CheckResult } from './self-check';
import { runSelfCheck } from './self-check';
import { selfCheckKeys } from '../../i18n/phone/keys';

const order: CheckName[] = ['websocket', 'registration', 'ice', 'microphone'];

/** What an operator runs at sign-in when something seems off with the phone. */
export function SelfCheckDialog(): React.JSX.Element {
  const { t } = useTranslation();
  const open = usePhoneUiStore((s) => s.dialog === 'selfCheck');
  const setDialog = usePhoneUiStore((s) => s.dialogOpened);
  const [results, setResults] = useState<Partial<Record<CheckName, CheckResult>>>({});
  const [running, setRunning] = useState(false);
  const run = async (): Promise<void> => {
    setRunning(true);
    setResults({});
    phoneEngine.checkRegistration();
    const settings = await desk.getPhoneSettings();
    if (settings.ok) {
      await runSelfCheck(settings.value, (result) => {
        setResults((r) => ({ ...r, [result.name]: result }));
      });
    }
    setRunning(false);
  };
  return (
    <Modal open={open} title={t('phone:selfCheck.title')} footer={null} onCancel={() => {
      setDialog('none');
    }}>
      <List
        data-testid="self-check"
        dataSource={order}
        renderItem={(name) => {
          const result = results[name];
          return (
            <List.Item data-testid={`check-${name}`} data-ok={result ? String(result.ok) : ''}>
              <span>{t(selfCheckKeys[name])}</span>
              <span>
                {result ? <Tag color={result.ok ? 'success' : 'error'}>{t(result.ok ? 'phone:selfCheck.pass' : 'phone:selfCheck.fail')}</Tag> : running ? <Tag>{t('phone:selfCheck.pending')}</Tag> : null}
                {result?.detail}
              </span>
            </List.Item>
          );
        }}
      />
      <Button type="primary" loading={running} data-testid="run-self-check" onClick={() => void run()}>
        {t('phone:selfCheck.run')}
      </Button>
    </Modal>
  );
}
