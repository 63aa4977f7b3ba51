import { AudioMutedOutlined, AudioOutlined, NumberOutlined, PauseOutlined, PhoneOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { Text } from '../../core/Text';
import { useTranslation } from 'react-i18next';
import { formatCallDuration } from '../../../../shared/phone/call-timer';
import { useNow } from '../../core/use-now';
import { phoneEngine } from './phone-engine';
import { useFocusedCall, usePhoneStore, useRingingCall } from './phone-store';
import { usePhoneUiStore } from './phone-ui-store';
import { callPhaseKeys, callQualityKeys } from '../../i18n/phone/keys';
import { Hint } from '../../core/Hint';

/** The buttons for the call in focus; each names its shortcut. */
export function CallControls(): React.JSX.Element | null {
  const { t } = useTranslation();
  const focused = useFocusedCall();
  const ringing = useRingingCall();
  const quality = usePhoneStore((s) => s.quality);
  const conferenceNumbers = usePhoneStore((s) =>
    Object.values(s.calls)
      .filter((c) => c.conference)
      .map((c) => c.remoteNumber)
      .join('、'),
  );
  const openDialog = usePhoneUiStore((s) => s.dialogOpened);
  const now = useNow();
  const call = ringing ?? focused;
  if (!call) return null;

  if (call.phase === 'ringing') {
    return (
      <Space data-testid="call-controls" data-phase="ringing">
        <Text strong data-testid="call-number">
          {t('phone:phases.ringing')} {call.remoteNumber}
        </Text>
        <Button type="primary" icon={<PhoneOutlined />} data-testid="answer" onClick={() => void phoneEngine.answer(call.id)}>
          {t('phone:actions.answer')} (F6)
        </Button>
        <Button danger icon={<StopOutlined />} data-testid="reject" onClick={() => void phoneEngine.hangup(call.id)}>
          {t('phone:actions.reject')} (F7)
        </Button>
      </Space>
    );
  }

  const live = call.phase === 'active' || call.phase === 'held';
  const elapsed = call.answeredAt === null ? '' : formatCallDuration(now - call.answeredAt);
  return (
    <Space data-testid="call-controls" data-phase={call.phase} wrap>
      <Text strong data-testid="call-number">
        {call.consultFor
          ? t('phone:consulting', { number: call.remoteNumber })
          : call.conference
            ? t('phone:conferenceWith', { numbers: conferenceNumbers })
            : `${t(callPhaseKeys[call.phase])} ${call.remoteNumber}`}
      </Text>
      <Text type="secondary" data-testid="call-timer">
        {elapsed}
      </Text>
      {quality && call.phase === 'active' && (
        <Hint title={t('phone:qualityDetail', { loss: quality.lossPercent.toFixed(1), jitter: quality.jitterMs.toFixed(0), rtt: Number.isFinite(quality.rttMs) ? quality.rttMs.toFixed(0) : '–' })}>
          <Text data-testid="call-quality" data-grade={quality.grade} type={quality.grade === 'good' ? 'success' : quality.grade === 'fair' ? 'warning' : 'danger'}>
            {t(callQualityKeys[quality.grade])}
          </Text>
        </Hint>
      )}
      {call.transferProgress && <Text type="secondary">{t('phone:transferProgress', { progress: call.transferProgress })}</Text>}
      <Button danger icon={<StopOutlined />} data-testid="hangup" onClick={() => void (call.conference ? phoneEngine.hangupAll() : phoneEngine.hangup(call.id))}>
        {t('phone:actions.hangup')} (F7)
      </Button>
      {live && (
        <>
          <Button icon={<PauseOutlined />} data-testid="hold" aria-pressed={call.phase === 'held'} onClick={() => void phoneEngine.toggleHold()}>
            {call.phase === 'held' ? t('phone:actions.resume') : t('phone:actions.hold')} (F8)
          </Button>
          <Button icon={call.muted ? <AudioMutedOutlined /> : <AudioOutlined />} data-testid="mute" aria-pressed={call.muted} onClick={() => {
            phoneEngine.toggleMute();
          }}>
            {call.muted ? t('phone:actions.unmute') : t('phone:actions.mute')} (F9)
          </Button>
          <Button icon={<NumberOutlined />} data-testid="open-keypad" onClick={() => {
            openDialog('keypad');
          }}>
            {t('phone:actions.keypad')}
          </Button>
          {call.conference ? null : call.consultFor ? (
            <>
              <Button type="primary" data-testid="complete-transfer" onClick={() => void phoneEngine.completeConsultation()}>
                {t('phone:actions.completeTransfer')} (Alt+F10)
              </Button>
              <Button data-testid="start-conference" onClick={() => void phoneEngine.startConference()}>
                {t('phone:actions.conference')}
              </Button>
              <Button data-testid="cancel-transfer" onClick={() => void phoneEngine.cancelConsultation()}>
                {t('phone:actions.cancelTransfer')} (Alt+Shift+F10)
              </Button>
            </>
          ) : (
            <Button icon={<SwapOutlined />} data-testid="open-transfer" onClick={() => {
              openDialog('transfer');
            }}>
              {t('phone:actions.transfer')} (F10)
            </Button>
          )}
        </>
      )}
    </Space>
  );
}
