import { AutoComplete, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { phoneEngine } from './phone-engine';
import { usePhoneUiStore } from './phone-ui-store';

/**
 * Blind or attended transfer. The directory of departments' numbers comes
 * from the hub once it is connected; `options` is where it plugs in.
 */
export function TransferDialog({ options = [] }: { options?: { value: string; label: string }[] }): React.JSX.Element {
  const { t } = useTranslation();
  const open = usePhoneUiStore((s) => s.dialog === 'transfer');
  const setDialog = usePhoneUiStore((s) => s.dialogOpened);
  const [target, setTarget] = useState('');
  const close = (): void => {
    setDialog('none');
    setTarget('');
  };
  return (
    <Modal open={open} title={t('phone:transferTitle')} footer={null} onCancel={close} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <AutoComplete
          autoFocus
          value={target}
          options={options.filter((o) => o.label.includes(target) || o.value.includes(target))}
          placeholder={t('phone:transferPlaceholder')}
          data-testid="transfer-target"
          style={{ width: '100%' }}
          onChange={setTarget}
        />
        <Typography.Text type="secondary">{t('phone:transferHint')}</Typography.Text>
        <Space>
          <Button type="primary" data-testid="blind-transfer" onClick={() => {
            void phoneEngine.blindTransfer(target);
            close();
          }}>
            {t('phone:actions.blindTransfer')}
          </Button>
          <Button data-testid="consult-transfer" onClick={() => {
            void phoneEngine.startConsultation(target).then((started) => {
              if (started) close();
            });
          }}>
            {t('phone:actions.consult')}
          </Button>
        </Space>
      </Space>
    </Modal>
  );
}
