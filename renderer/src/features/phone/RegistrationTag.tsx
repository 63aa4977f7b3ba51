import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { phoneEngine } from './phone-engine';
import { usePhoneStore } from './phone-store';
import { registrationColors } from './registration-colors';
import { registrationKeys, sipFailureKeys } from '../../i18n/phone/keys';
import { Hint } from '../../core/Hint';

/** The registration in words, never only a colour; clicking it re-checks at once. */
export function RegistrationTag(): React.JSX.Element {
  const { t } = useTranslation();
  const registration = usePhoneStore((s) => s.registration);
  const failure = usePhoneStore((s) => s.failure);
  const reason = failure && registration !== 'registered' ? t(sipFailureKeys[failure]) : '';
  return (
    <Hint title={reason || (registration === 'unconfigured' ? t('phone:notConfiguredHint') : '')}>
      <Tag
        color={registrationColors[registration]}
        data-testid="phone-state"
        data-status={registration}
        onClick={() => {
          phoneEngine.checkRegistration();
        }}
      >
        {t(registrationKeys[registration])}
        {reason ? `：${reason}` : ''}
      </Tag>
    </Hint>
  );
}
