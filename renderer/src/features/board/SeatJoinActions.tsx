import { AlertOutlined, AudioOutlined, CustomerServiceOutlined, SoundOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { seatJoinRefusal } from '../../../../shared/phone/join-call';
import type { JoinMode } from '../../../../shared/phone/phone-settings';
import type { BoardSeat } from '../../../../shared/board/seat-view';
import { useSettingsStore } from '../../stores/settings-store';
import { displayKeys, keysFor } from '../../shortcuts/actions';
import { boardShortcutFor } from './board-shortcuts';
import { useSeatJoin } from './use-seat-join';
import { joinHintKeys, joinModeKeys, joinRefusalKeys } from '../../i18n/board/keys';
import { Hint } from '../../core/Hint';

const isMac = navigator.userAgent.includes('Mac');
const icons: Record<JoinMode, React.ReactNode> = { listen: <CustomerServiceOutlined />, whisper: <AudioOutlined />, barge: <SoundOutlined /> };

/**
 * Listen, whisper and barge for the seat in the details. A seat whose
 * operator asked for help puts listen and barge first, large and coloured:
 * that is what the supervisor came for.
 */
export function SeatJoinActions({ seat }: { seat: BoardSeat }): React.JSX.Element {
  const { t } = useTranslation();
  const join = useSeatJoin();
  const overrides = useSettingsStore((s) => s.settings.shortcuts);
  const refusal = seatJoinRefusal(seat);
  const help = seat.helpRequested;
  const button = (mode: JoinMode): React.JSX.Element => {
    const keys = keysFor(boardShortcutFor(`board.${mode}`), overrides).map((combo) => displayKeys(combo, isMac));
    const prominent = help && mode !== 'whisper';
    return (
      <Hint key={mode} title={`${t(joinHintKeys[mode])}（${keys.join(' / ')}）`}>
        <Button
          data-testid={`seat-join-${mode}`}
          icon={icons[mode]}
          size={prominent ? 'large' : 'middle'}
          type={prominent ? 'primary' : 'default'}
          danger={prominent && mode === 'barge'}
          disabled={refusal !== null}
          onClick={() => {
            join(seat.deskId, mode);
          }}
        >
          {t(joinModeKeys[mode])}
          <Typography.Text keyboard>{keys[0]}</Typography.Text>
        </Button>
      </Hint>
    );
  };
  return (
    <section className="seat-join" data-testid="seat-join" aria-label={t('board:join.title')}>
      {help && <Alert type="error" showIcon icon={<AlertOutlined />} title={t('board:join.helpAlert', { name: seat.displayName })} description={t('board:join.helpHint')} data-testid="seat-join-help" />}
      <Flex gap="small" wrap align="center">
        {(help ? (['listen', 'barge', 'whisper'] as const) : (['listen', 'whisper', 'barge'] as const)).map(button)}
      </Flex>
      {refusal && (
        <Typography.Text type="secondary" data-testid="seat-join-unavailable">
          {t(joinRefusalKeys[refusal], { name: seat.displayName })}
        </Typography.Text>
      )}
    </section>
  );
}
