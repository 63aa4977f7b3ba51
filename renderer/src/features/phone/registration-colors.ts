import type { BadgeProps } from 'antd';
import type { RegistrationStatus } from '../../../../shared/phone/registration-status';

/** One colour per registration state for the phone bar's tag and the status bar's badge (the words go beside it). */
export const registrationColors: Record<RegistrationStatus, NonNullable<BadgeProps['status']>> = {
  unconfigured: 'default',
  standby: 'default',
  registering: 'processing',
  registered: 'success',
  reconnecting: 'warning',
  failed: 'error',
  stopped: 'default',
};
