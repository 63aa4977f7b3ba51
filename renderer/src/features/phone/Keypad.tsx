import { Button, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dtmfTones, isDtmfTone } from '../../../../shared/phone/sip-target';
import { phoneEngine } from './phone-engine';
import { usePhoneUiStore } from './phone-ui-store';

/** DTMF keypad for IVRs and extensions on the far side; digits on the keyboard work while it is open. */
export function Keypad(): React.JSX.Element {
  const { t } = useTranslation();
  const open = usePhoneUiStore((s) => s.dialog === 'keypad');
  const close = usePhoneUiStore((s) => s.dialogOpened);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent): void => {
      if (isDtmfTone(event.key)) void phoneEngine.dtmf(event.key);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <Modal open={open} title={t('phone:actions.keypad')} footer={null} width={260} onCancel={() => {
      close('none');
    }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8 }} data-testid="keypad">
        {dtmfTones.map((tone) => (
          <Button key={tone} size="large" data-testid={`dtmf-${tone}`} onClick={() => void phoneEngine.dtmf(tone)}>
            {tone}
          </Button>
        ))}
      </div>
    </Modal>
  );
}
