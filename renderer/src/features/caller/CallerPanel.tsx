import { Descriptions, Empty, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../core/CopyButton';
import { Panel } from '../../core/Panel';
import { Text } from '../../core/Text';
import { useFocusedCall, usePhoneStore, useRingingCall } from '../phone';
import { CallerHistorySlot } from './CallerHistorySlot';
import { askOnRing } from './ring-history-store';
import { callDirectionKeys } from '../../i18n/caller/keys';
import { callPhaseKeys } from '../../i18n/phone/keys';

/**
 * The screen pop: shown while the call still rings, so the operator knows who
 * calls before answering, with their earlier tickets (`CallerHistorySlot`:
 * open ones first, repeat calls, flags; from the hub or the desk's cache).
 */
export function CallerPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const ringing = useRingingCall();
  const focused = useFocusedCall();
  const lastEnded = usePhoneStore((s) => s.lastEnded);
  const call = ringing ?? focused ?? lastEnded;

  useEffect(askOnRing, []);

  useEffect(() => {
    // Read by the `sip` benchmark: INVITE sent → the ringing number on screen.
    if (ringing) performance.mark('phone:screen-pop', { detail: ringing.id });
  }, [ringing]);

  return (
    <Panel title={t('caller:title')} className="caller-panel" data-testid="caller-panel">
      {call ? (
        <div data-testid="screen-pop" data-call-id={call.id} data-phase={call.phase}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('caller:number')}>
              <Text strong data-testid="caller-number">
                {call.remoteNumber}
              </Text>
              <CopyButton text={call.remoteNumber} data-testid="copy-caller-number" />
            </Descriptions.Item>
            <Descriptions.Item label={t(callDirectionKeys[call.direction])}>
              <Tag color={call.phase === 'ringing' ? 'processing' : call.phase === 'ended' ? 'default' : 'success'}>
                {call.phase === 'ended' ? t('caller:lastCall') : t(callPhaseKeys[call.phase])}
              </Tag>
            </Descriptions.Item>
            {call.remoteName && call.remoteName !== call.remoteNumber && (
              <Descriptions.Item label={t('caller:name')}>{call.remoteName}</Descriptions.Item>
            )}
          </Descriptions>
          <CallerHistorySlot number={call.remoteNumber} callId={call.id} />
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caller:empty')} />
      )}
    </Panel>
  );
}
