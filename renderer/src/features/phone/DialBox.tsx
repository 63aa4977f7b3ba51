import { PhoneOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
// The input's own module: antd's Input index brings Password, OTP and TextArea (about 12 KiB) to the first screen.
import Input from 'antd/es/input/Input';
import type { InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { phoneEngine } from './phone-engine';
import { usePhoneStore } from './phone-store';
import { usePhoneUiStore } from './phone-ui-store';

/** Outbound calls (callbacks start here or from a ticket): a number or a sip: URI. */
export function DialBox(): React.JSX.Element {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const registered = usePhoneStore((s) => s.registration === 'registered');
  const focusRequest = usePhoneUiStore((s) => s.dialFocusRequest);
  const input = useRef<InputRef>(null);
  useEffect(() => {
    if (focusRequest > 0) input.current?.focus();
  }, [focusRequest]);
  const dial = (): void => {
    if (phoneEngine.dial(number)) setNumber('');
  };
  return (
    <Space.Compact>
      <Input
        ref={input}
        value={number}
        placeholder={t('phone:dialPlaceholder')}
        data-testid="dial-input"
        style={{ width: 180 }}
        onChange={(e) => {
          setNumber(e.target.value);
        }}
        onPressEnter={dial}
      />
      <Button icon={<PhoneOutlined />} disabled={!registered} data-testid="dial" onClick={dial}>
        {t('phone:actions.dial')}
      </Button>
    </Space.Compact>
  );
}
