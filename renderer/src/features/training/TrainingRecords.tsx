import { Drawer, Empty, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PracticeResult } from '../../../../shared/training/practice';
import { averageScore } from '../../../../shared/training/score';
import { desk } from '../../desk/desk';
import { useHubStore } from '../../core/hub-store';
import { useTrainingStore } from './training-store';

/** Minutes and seconds a practice call took, from the first caller turn to the score. */
export function practiceDuration(result: Pick<PracticeResult, 'startedAt' | 'finishedAt'>): string {
  const seconds = Math.max(0, Math.round((Date.parse(result.finishedAt) - Date.parse(result.startedAt)) / 1000));
  return `${String(Math.floor(seconds / 60))}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * 实训记录 (Alt+O): this trainee's practice calls on this desk with score and
 * time, and the average. Kept locally; a supervisor reading it from the hub
 * is not part of the desk.
 */
export function TrainingRecords(): React.JSX.Element {
  const { t } = useTranslation();
  const open = useTrainingStore((s) => s.recordsOpen);
  const recorded = useTrainingStore((s) => s.recorded);
  const who = useHubStore((s) => s.session?.displayName ?? null);
  const [results, setResults] = useState<PracticeResult[] | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void desk.listPracticeResults({ limit: 500 }).then((result) => {
      if (live) setResults(result.ok ? result.value : []);
    });
    return () => {
      live = false;
    };
  }, [open, recorded, who]);

  const average = averageScore(results ?? []);
  return (
    <Drawer
      open={open}
      onClose={() => {
        useTrainingStore.getState().recordsToggled(false);
      }}
      title={who ? t('training:records.titleFor', { name: who }) : t('training:records.title')}
      size={620}
      rootClassName="training-records"
      data-testid="training-records"
    >
      <div className="training-summary">
        <Statistic title={t('training:records.average')} value={average ?? '—'} suffix={average === null ? undefined : t('training:records.points')} data-testid="training-average" />
        <Statistic title={t('training:records.count')} value={results?.length ?? 0} data-testid="training-count" />
      </div>
      {results && results.length === 0 ? (
        <Empty description={t('training:records.empty')} />
      ) : (
        <Table<PracticeResult>
          size="small"
          rowKey="id"
          loading={results === null}
          dataSource={results ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(r) => ({ 'data-testid': 'training-record', 'data-scenario': r.scenarioId, 'data-score': r.score }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('training:records.time'), dataIndex: 'finishedAt', width: 150, render: (at: string) => dayjs(at).format('MM-DD HH:mm') },
            { title: t('training:records.scenario'), dataIndex: 'scenarioTitle' },
            {
              title: t('training:records.score'),
              dataIndex: 'score',
              width: 70,
              render: (score: number) => <Typography.Text type={score === 100 ? 'success' : score < 60 ? 'danger' : undefined}>{score}</Typography.Text>,
            },
            { title: t('training:records.items'), key: 'items', width: 80, render: (_v, r) => `${String(r.right)} / ${String(r.total)}` },
            { title: t('training:records.duration'), key: 'duration', width: 70, render: (_v, r) => practiceDuration(r) },
          ]}
        />
      )}
    </Drawer>
  );
}
