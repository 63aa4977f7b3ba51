import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PracticeScenario } from '../../../../shared/training/practice';
import type { ScoreItem } from '../../../../shared/training/score';
import { desk } from '../../desk/desk';
import { useTicketSessionStore } from '../../core/ticket-session-store';
import { useTicketReference } from '../../core/use-ticket-reference';
import type { PracticeSession } from './training-store';
import { startPractice } from './practice-start';
import { turnDelayMs, useTrainingStore } from './training-store';
import { scoreDispositionKeys, scoreItemKeys } from '../../i18n/training/keys';

/** The lead picker's value for 直接答复 (no transfer): a Select cannot hold null. */
const ANSWER_DIRECTLY = '__answer__';

/**
 * 练习: a scripted caller, turn by turn (the voice file when the desk has it),
 * the lead department picker, and after Ctrl+Enter the score with each item
 * right or wrong and why. The registration form below takes the answers.
 */
export function PracticePanel({ practice }: { practice: PracticeSession }): React.JSX.Element {
  const { t } = useTranslation();
  const { scenario, shown, result } = practice;
  const { turnShown } = useTrainingStore.getState();
  const next = scenario.turns[shown];
  const turnsRef = useRef<HTMLOListElement>(null);

  // The newest words stay in view.
  useEffect(() => {
    const list = turnsRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [shown]);

  // The caller goes on by themself, at about the pace of speech; Alt+M hurries them.
  useEffect(() => {
    if (!next || result) return;
    const timer = window.setTimeout(turnShown, turnDelayMs(scenario.turns[shown - 1]?.text ?? ''));
    return () => {
      window.clearTimeout(timer);
    };
  }, [next, result, shown, scenario, turnShown]);

  return (
    <Card
      size="small"
      className="practice-panel"
      data-testid="practice-panel"
      data-scenario={scenario.id}
      title={
        <span>
          {/* The scenario, its level and the caller's words are the training material's own text, in Chinese in either UI language. */}
          {t('training:practice.title')}<span lang="zh-CN">{scenario.title}</span> <Tag color="purple">{t('training:practice.badge')}</Tag>
          <PracticeLevel level={scenario.level} />
        </span>
      }
      extra={<Typography.Text type="secondary">{t('training:practice.keys')}</Typography.Text>}
    >
      <Space size={16} wrap className="practice-caller">
        <span>
          {t('training:practice.number')}
          <Typography.Text strong data-testid="practice-number">
            {scenario.caller.number}
          </Typography.Text>
        </span>
        <ScenarioAudio scenario={scenario} />
      </Space>
      {/* Focusable: on a low screen the list scrolls, and the keyboard must reach what is scrolled away. */}
      <ol ref={turnsRef} className="practice-turns" aria-live="polite" aria-label={t('training:practice.turns')} tabIndex={0} data-testid="practice-turns">
        {scenario.turns.slice(0, shown).map((turn, index) => (
          <li key={index} className="practice-turn" data-testid="practice-turn" data-stage={turn.stage}>
            <Typography.Text type="secondary">{t('training:practice.caller')}</Typography.Text>
            <span lang="zh-CN">{turn.text}</span>
          </li>
        ))}
      </ol>
      {next && !result ? (
        <Button size="small" onClick={turnShown} data-testid="practice-next-turn">
          {t('training:practice.nextTurn')}
        </Button>
      ) : (
        !result && <Typography.Text type="secondary">{t('training:practice.callerDone')}</Typography.Text>
      )}
      {result ? <PracticeScore practice={practice} /> : <LeadPicker practice={practice} />}
    </Card>
  );
}

function LeadPicker({ practice }: { practice: PracticeSession }): React.JSX.Element {
  const { t } = useTranslation();
  const { departments } = useTicketReference();
  const focusRequest = useTrainingStore((s) => s.leadFocusRequest);
  const ref = useRef<HTMLDivElement>(null);
  const options = useMemo(
    () => [{ value: ANSWER_DIRECTLY, label: t('training:practice.answerDirectly') }, ...departments.map((d) => ({ value: d.id, label: d.name }))],
    [departments, t],
  );

  useEffect(() => {
    if (focusRequest > 0) ref.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [focusRequest]);

  return (
    <div
      ref={ref}
      className="practice-lead"
      onKeyDown={(event) => {
        // Ctrl+Enter here saves the practice ticket, as it would in the form.
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          useTicketSessionStore.getState().submitRequested('registration');
        }
      }}
    >
      <label htmlFor="practice-lead">{t('training:practice.lead')}</label>
      <Select
        id="practice-lead"
        showSearch={{ optionFilterProp: 'label' }}
        value={practice.lead === undefined ? undefined : (practice.lead ?? ANSWER_DIRECTLY)}
        onChange={(value: string) => {
          useTrainingStore.getState().leadChosen(value === ANSWER_DIRECTLY ? null : value);
        }}
        options={options}
        placeholder={t('training:practice.leadPlaceholder')}
        className="practice-lead-select"
        data-testid="practice-lead"
      />
      <Typography.Text type="secondary">{t('training:practice.submitHint')}</Typography.Text>
    </div>
  );
}

function PracticeScore({ practice }: { practice: PracticeSession }): React.JSX.Element | null {
  const { t } = useTranslation();
  const { departments } = useTicketReference();
  const { result, scenario } = practice;
  if (!result) return null;
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const show = (item: ScoreItem, value: string | null): string => {
    if (value === null) return t('training:score.none');
    if (item.id === 'lead') return names.get(value) ?? value;
    if (item.id === 'disposition' && Object.hasOwn(scoreDispositionKeys, value)) return t(scoreDispositionKeys[value as keyof typeof scoreDispositionKeys]);
    return value;
  };
  const why = (item: ScoreItem): string => {
    if (item.id === 'requestType') return scenario.explanation.requestType;
    if (item.id === 'category1' || item.id === 'category2') return scenario.explanation.category;
    return scenario.explanation.lead;
  };
  const full = result.right === result.total;

  return (
    <div className="practice-score">
      <Alert
        type={full ? 'success' : result.score >= 60 ? 'warning' : 'error'}
        showIcon
        title={
          <span tabIndex={-1} data-testid="practice-score" data-score={result.score}>
            {t('training:score.total', { score: result.score, right: result.right, total: result.total })}
          </span>
        }
        description={full ? t('training:score.full') : t('training:score.review')}
      />
      <Table<ScoreItem>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={result.items}
        onRow={(item) => ({ 'data-testid': 'practice-item', 'data-item': item.id, 'data-correct': String(item.correct) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('training:score.item'), dataIndex: 'id', width: 110, render: (id: ScoreItem['id']) => t(scoreItemKeys[id]) },
          {
            title: t('training:score.given'),
            key: 'given',
            width: 180,
            render: (_v, item) => (
              <span>
                {item.correct ? <CheckCircleFilled className="score-right" aria-label={t('training:score.right')} /> : <CloseCircleFilled className="score-wrong" aria-label={t('training:score.wrong')} />}{' '}
                {show(item, item.given)}
              </span>
            ),
          },
          { title: t('training:score.expected'), key: 'expected', width: 160, render: (_v, item) => show(item, item.expected) },
          { title: t('training:score.why'), key: 'why', render: (_v, item) => <Typography.Text type="secondary">{why(item)}</Typography.Text> },
        ]}
      />
      <Space>
        <Button type="primary" size="small" onClick={() => void startPractice()} data-testid="practice-again">
          {t('training:practice.again')}
        </Button>
        <Button size="small" onClick={() => useTrainingStore.getState().practiceEnded()} data-testid="practice-end">
          {t('training:practice.end')}
        </Button>
      </Space>
    </div>
  );
}

/** Plays the scenario's voice file when this desk has it; otherwise says the call is shown as text. */
function ScenarioAudio({ scenario }: { scenario: PracticeScenario }): React.JSX.Element | null {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!scenario.audio || !scenario.audioAvailable) return;
    let live = true;
    let made: string | null = null;
    void desk.getPracticeAudio({ file: scenario.audio }).then((result) => {
      if (!live || !result.ok || !result.value) return;
      const bytes = Uint8Array.from(atob(result.value.base64), (c) => c.charCodeAt(0));
      made = URL.createObjectURL(new Blob([bytes], { type: result.value.mime }));
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
      setUrl(null);
    };
  }, [scenario]);
  if (!scenario.audio) return null;
  if (!scenario.audioAvailable) return <Typography.Text type="secondary">{t('training:practice.noAudio')}</Typography.Text>;
  return url ? <audio src={url} controls autoPlay className="practice-audio" data-testid="practice-audio" /> : null;
}

const practiceLevelKeys = { 基础: 'training:practice.levels.基础', 提高: 'training:practice.levels.提高' } as const;

/** The material's two levels (基础 / 提高) in the UI's language; any other level as the material words it. */
function PracticeLevel({ level }: { level: string }): React.JSX.Element {
  const { t } = useTranslation();
  const key = level in practiceLevelKeys ? practiceLevelKeys[level as keyof typeof practiceLevelKeys] : null;
  return key ? <Tag>{t(key)}</Tag> : <Tag lang="zh-CN">{level}</Tag>;
}
