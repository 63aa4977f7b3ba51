import { Badge, Space } from 'antd';
import { FoldingRow } from './FoldingRow';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { currentShift } from '../../../shared/shift-clock';
import { useSettingsStore } from '../stores/settings-store';
import { useWorkbenchStore } from '../stores/workbench-store';
import { SyncStatusText } from './SyncStatusText';
import { useNow } from '../core/use-now';
import { LanguageToggle, ThemeToggle } from '../core/ViewToggles';
import { useServicesHeartbeat } from './use-services-heartbeat';
import { PhoneStatus } from './PhoneStatus';
import { HubSessionStatus } from '../features/hub';
import { shiftSlotKeys } from '../i18n/common/keys';
import { Hint } from '../core/Hint';

/** Along the bottom, always visible: agent state, sync, shift, seat, clock, language and theme. */
export function StatusBar(): React.JSX.Element {
  const { t } = useTranslation();
  const now = useNow();
  const settings = useSettingsStore((s) => s.settings);
  const reachable = useWorkbenchStore((s) => s.servicesReachable);
  useServicesHeartbeat();
  const shift = currentShift(settings.shift, now, -new Date(now).getTimezoneOffset());

  return (
    <footer className="status-bar" data-testid="status-bar">
      {/* What does not fit folds into the "more" menu, from the end: the phone and the account stay longest. */}
      <FoldingRow
        moreLabel={t('common:status.more')}
        items={[
          { key: 'phone', node: <PhoneStatus /> },
          { key: 'hub', node: <HubSessionStatus /> },
          { key: 'sync', node: <SyncStatusText /> },
          ...(settings.labInsecureTransport
            ? [
                {
                  key: 'lab',
                  node: (
                    <Hint title={t('common:status.labTransportHint')}>
                      <Badge status="warning" text={t('common:status.labTransport')} data-testid="lab-transport" />
                    </Hint>
                  ),
                },
              ]
            : []),
          {
            key: 'services',
            node: <Badge status={reachable ? 'success' : 'error'} text={reachable ? t('common:status.services.connected') : t('common:status.services.disconnected')} data-testid="services-state" />,
          },
          {
            key: 'shift',
            node: (
              <span data-testid="shift">
                {t('common:status.shift')}: <span lang="zh-CN">{shift.team}</span> {t(shiftSlotKeys[shift.slot])} {dayjs(shift.startsAt).format('HH:mm')}–{dayjs(shift.endsAt).format('HH:mm')}
              </span>
            ),
          },
          {
            key: 'seat',
            node: (
              <span>
                {t('common:status.seat')}: {settings.seatId || t('common:status.noSeat')}
              </span>
            ),
          },
        ]}
      />
      <Space size="small" className="status-bar-fixed">
        <LanguageToggle keys="Ctrl+Shift+L" format={(name, keys) => `${name} (${keys})`} testId="toggle-language" />
        <ThemeToggle keys="Ctrl+Shift+T" format={(name, keys) => `${name} (${keys})`} testId="toggle-theme" />
        <time className="clock" data-testid="clock" dateTime={new Date(now).toISOString()}>
          {dayjs(now).format('YYYY-MM-DD HH:mm:ss')}
        </time>
      </Space>
    </footer>
  );
}
