import { Alert as Notice, Button, Empty, Select, Spin, Table, Typography } from 'antd';
import type { RefSelectProps } from 'antd';
import { lazy, Suspense, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlacementDay } from '../../../../../shared/hub/placement';
import { formatCallDuration } from '../../../../../shared/phone/call-state';
import type { DeskError } from '../../../../../shared/result';
import { useFocusRequest, useReadWhenShown } from '../../../core/hub-panel-store';
import { PersonLabel, TeamName } from '../../../core/person-label';
import { usePanelShortcuts } from '../../../shortcuts/use-shortcuts';
import { useSettingsStore } from '../../../stores/settings-store';
import { deskErrorText } from '../../../i18n/error-text';
import { activeDays, practiceSummary } from './placement-model';
import type { PlacementRangeKind } from './placement-range';
import { placementRangeKinds } from './placement-range';
import { usePlacementStore } from './placement-store';
import '../supervision.css';
import { RangeButtons } from '../RangeButtons';
import './placement.css';
import { placementRangeKeys } from '../../../i18n/supervision/keys';

// The chart brings the chart library: fetched when a supervisor first opens this tab.
const PlacementChart = lazy(() => import('./PlacementChart'));

const rangeKeys: Record<PlacementRangeKind, string> = { last30: '1', thisMonth: '2', lastMonth: '3' };

const talk = (seconds: number): string => formatCallDuration(seconds * 1000);

/**
 * 实习档案: a trainee's placement record at the hub, per day and in total —
 * calls, tickets registered, the supervisors' review decisions, practice
 * attempts and their average — with the practice scores over the days as a
 * chart and in words. Alt+8 shows it with the focus on the trainee picker;
 * 1 / 2 / 3 pick the last 30 days, this month, last month.
 */
export function PlacementPanel({ active = true }: { active?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const trainees = usePlacementStore((s) => s.trainees);
  const account = usePlacementStore((s) => s.account);
  const rangeKind = usePlacementStore((s) => s.rangeKind);
  const record = usePlacementStore((s) => s.record);
  const loading = usePlacementStore((s) => s.loading);
  const error = usePlacementStore((s) => s.error);
  const focusRequest = usePlacementStore((s) => s.focusRequest);
  const { load, traineeChosen, rangeChosen } = usePlacementStore.getState();
  const overrides = useSettingsStore((s) => s.settings.shortcuts);
  const panel = useRef<HTMLDivElement>(null);
  const picker = useRef<RefSelectProps>(null);
  const summaryId = useId();
  const errorText = (e: DeskError): string => deskErrorText(t, e);

  useReadWhenShown(active, load);
  useFocusRequest(focusRequest, () => picker.current?.focus());

  const choose = (kind: PlacementRangeKind) => () => {
    rangeChosen(kind);
    return true;
  };
  usePanelShortcuts(panel, 'placement', { 'placement.last30': choose('last30'), 'placement.thisMonth': choose('thisMonth'), 'placement.lastMonth': choose('lastMonth') }, overrides);

  const shown = record && record.account.username === account ? record : null;
  const total = shown?.total;
  return (
    <div ref={panel} className="supervision-panel placement-panel" tabIndex={-1} data-testid="placement-panel" aria-label={t('supervision:placement.title')} aria-busy={loading}>
      <div className="supervision-head">
        <Typography.Text strong>{t('supervision:placement.title')}</Typography.Text>
        <Typography.Text type="secondary" className="supervision-hint">
          {t('supervision:placement.hint')}
        </Typography.Text>
        <Button size="small" onClick={() => void load()} loading={loading} data-testid="placement-refresh">
          {t('supervision:placement.refresh')}
        </Button>
      </div>
      <div className="placement-controls">
        <Select
          ref={picker}
          className="placement-trainee"
          size="small"
          showSearch={{ optionFilterProp: 'search' }}
          value={account ?? undefined}
          placeholder={t('supervision:placement.traineePlaceholder')}
          aria-label={t('supervision:placement.trainee')}
          notFoundContent={t('supervision:placement.noTrainees')}
          options={trainees.map((u) => ({ value: u.username, search: `${u.displayName} ${u.username} ${u.team ?? ''}`, label: <PersonLabel name={u.displayName} details={[u.username, <TeamName key="team" team={u.team} />]} /> }))}
          onChange={(value: string) => {
            traineeChosen(value);
          }}
          data-testid="placement-trainee"
        />
        <RangeButtons
          kinds={placementRangeKinds}
          chosen={rangeKind}
          onChoose={rangeChosen}
          label={t('supervision:placement.rangeLabel')}
          nameOf={(kind) => t(placementRangeKeys[kind])}
          keyOf={(kind) => rangeKeys[kind]}
          testIdPrefix="placement-range-"
        />
      </div>
      {error && <Notice type="warning" showIcon title={t('supervision:placement.failed', { reason: errorText(error) })} data-testid="placement-error" />}
      {!shown && loading && <Spin description={t('supervision:placement.loading')} />}
      {!loading && !error && trainees.length === 0 && <Empty description={t('supervision:placement.noTrainees')} />}
      {shown && total && (
        <>
          <div className="supervision-meta" data-testid="placement-range">
            <span lang="zh-CN">{shown.account.displayName}</span> · {t('supervision:placement.range', { from: shown.from, to: shown.to })}
          </div>
          <dl className="placement-totals" data-testid="placement-totals">
            <Total id="calls" label={t('supervision:placement.totals.calls')} value={total.calls} note={t('supervision:placement.totals.talk', { time: talk(total.talkSeconds) })} />
            <Total id="tickets" label={t('supervision:placement.totals.tickets')} value={total.ticketsRegistered} />
            <Total
              id="reviews"
              label={t('supervision:placement.totals.reviews')}
              value={`${String(total.reviewsApproved)} / ${String(total.reviewsReturned)}`}
              note={t('supervision:placement.totals.reviewsNote')}
            />
            <Total id="practice" label={t('supervision:placement.totals.practice')} value={total.practiceAttempts} />
            <Total id="average" label={t('supervision:placement.totals.average')} value={total.practiceAverage ?? '—'} />
          </dl>
          <figure className="stats-figure" data-testid="placement-practice">
            <figcaption className="stats-caption">{t('supervision:placement.chart.title')}</figcaption>
            {total.practiceAttempts > 0 && (
              <Suspense fallback={<div className="placement-chart-placeholder" />}>
                <PlacementChart record={shown} describedBy={summaryId} />
              </Suspense>
            )}
            <p id={summaryId} className="placement-summary" data-testid="placement-summary">
              {practiceSummary(shown, t)}
            </p>
          </figure>
          <Table<PlacementDay>
            size="small"
            rowKey="day"
            dataSource={activeDays(shown)}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('supervision:placement.empty') }}
            onRow={(d) => ({ 'data-testid': 'placement-day', 'data-day': d.day }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('supervision:placement.columns.day'), dataIndex: 'day', width: 96 },
              { title: t('supervision:placement.columns.calls'), dataIndex: 'calls', width: 56 },
              { title: t('supervision:placement.columns.talk'), key: 'talk', width: 72, render: (_v, d) => talk(d.talkSeconds) },
              { title: t('supervision:placement.columns.tickets'), dataIndex: 'ticketsRegistered', width: 56 },
              { title: t('supervision:placement.columns.approved'), dataIndex: 'reviewsApproved', width: 56 },
              { title: t('supervision:placement.columns.returned'), dataIndex: 'reviewsReturned', width: 56 },
              { title: t('supervision:placement.columns.practice'), dataIndex: 'practiceAttempts', width: 56 },
              { title: t('supervision:placement.columns.average'), dataIndex: 'practiceAverage', width: 64, render: (v: number | null) => v ?? '—' },
            ]}
          />
        </>
      )}
    </div>
  );
}

function Total({ id, label, value, note }: { id: string; label: string; value: string | number; note?: string }): React.JSX.Element {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={`placement-total-${id}`} data-value={value}>
        {value}
        {note && (
          <Typography.Text type="secondary" className="placement-note">
            {note}
          </Typography.Text>
        )}
      </dd>
    </div>
  );
}
