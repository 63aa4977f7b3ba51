import { Card, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { callStages, stageStatus } from '../../../../shared/training/call-script';
import { useTrainingStore } from './training-store';
import { guideReasonKeys, stageKeys } from '../../i18n/training/keys';

const statusOfStep = { done: 'finish', current: 'process', todo: 'wait' } as const;

/**
 * 通话阶段提示: the five stages of a call with the current one highlighted and
 * its standard phrases (规范用语) and the phrases to avoid. Alt+G steps on,
 * Alt+Shift+G back; an answered call starts it, a saved ticket closes it.
 */
export function StageGuide({ reason }: { reason: 'trainee' | 'setting' | 'practice' }): React.JSX.Element {
  const { t } = useTranslation();
  const script = useTrainingStore((s) => s.material?.script ?? null);
  const stage = useTrainingStore((s) => s.stage);
  const shown = script?.stages.find((s) => s.id === (stage ?? 'greeting')) ?? null;

  return (
    <Card
      size="small"
      className="stage-guide"
      data-testid="stage-guide"
      data-stage={stage ?? 'idle'}
      title={
        <span>
          {t('training:guide.title')} <Tag color="gold">{t(guideReasonKeys[reason])}</Tag>
        </span>
      }
      extra={<Typography.Text type="secondary">{t('training:guide.keys')}</Typography.Text>}
    >
      <Steps
        size="small"
        className="stage-steps"
        current={stage === null ? -1 : callStages.indexOf(stage)}
        items={callStages.map((id) => ({
          // A scenario's own stage titles are training content in Chinese; the built-in ones are translated.
          title: script?.stages.find((s) => s.id === id)?.title ? <span lang="zh-CN">{script.stages.find((s) => s.id === id)?.title}</span> : t(stageKeys[id]),
          status: statusOfStep[stageStatus(id, stage)],
        }))}
      />
      {!script ? (
        <Typography.Text type="warning">{t('training:guide.noScript')}</Typography.Text>
      ) : (
        shown && (
          <div className="stage-body" data-testid="stage-phrases" data-stage={shown.id}>
            {stage === null && <Typography.Text type="secondary">{t('training:guide.waiting')}</Typography.Text>}
            <Typography.Text className="stage-goal" lang="zh-CN">
              {shown.goal}
            </Typography.Text>
            <ul className="stage-phrases" lang="zh-CN">
              {shown.phrases.map((phrase) => (
                <li key={phrase}>{phrase}</li>
              ))}
            </ul>
            {shown.avoid.length > 0 && (
              <Typography.Text type="danger" className="stage-avoid">
                {t('training:guide.avoid')}
                <span lang="zh-CN">{shown.avoid.join(' ')}</span>
              </Typography.Text>
            )}
          </div>
        )
      )}
    </Card>
  );
}
