import { Alert as Notice, Button, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../../../shared/result';
import { useFocusRequest, useReadWhenShown } from '../../../core/hub-panel-store';
import { usePanelShortcuts } from '../../../shortcuts/use-shortcuts';
import { useSettingsStore } from '../../../stores/settings-store';
import { deskErrorText } from '../../../i18n/error-text';
import { hourlySummary, mattersSummary, ratesSummary } from './stats-model';
import { STATS_TOP, useStatsStore } from './stats-store';
import type { StatsWindowKind } from './stats-window';
import { statsWindowKinds } from './stats-window';
import '../supervision.css';
import { RangeButtons } from '../RangeButtons';
import './stats.css';
import { statsWindowKeys } from '../../../i18n/supervision/keys';

// The charts bring the chart library: fetched when a supervisor first opens this tab, never on the workbench's first load.
const HourlyChart = lazy(() => import('./HourlyChart'));
const MattersChart = lazy(() => import('./MattersChart'));
const DepartmentRatesChart = lazy(() => import('./DepartmentRatesChart'));

const windowKeys: Record<StatsWindowKind, string> = { shift: '1', today: '2', week: '3' };

/**
 * 统计: the hub's statistics over a window the supervisor picks (1 this
 * shift, 2 today, 3 the last 7 days): tickets per hour by disposition, the
 * top matters, and each lead department's three rates, each chart with the
 * same figures in words beside it. Read when shown, on a window change and
 * on Alt+7.
 */
export function StatsPanel({ active = true }: { active?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const stats = useStatsStore((s) => s.stats);
  const statsKind = useStatsStore((s) => s.statsKind);
  const windowKind = useStatsStore((s) => s.windowKind);
  const loading = useStatsStore((s) => s.loading);
  const error = useStatsStore((s) => s.error);
  const focusRequest = useStatsStore((s) => s.focusRequest);
  const { load, windowChosen } = useStatsStore.getState();
  const overrides = useSettingsStore((s) => s.settings.shortcuts);
  const panel = useRef<HTMLDivElement>(null);
  const ids = { hourly: useId(), matters: useId(), rates: useId() };
  const errorText = (e: DeskError): string => deskErrorText(t, e);

  useReadWhenShown(active, load);
  // The chosen window's button takes the focus, so 1/2/3 act at once.
  useFocusRequest(focusRequest, () => panel.current?.querySelector<HTMLElement>('[aria-pressed="true"]')?.focus());

  const choose = (kind: StatsWindowKind) => () => {
    windowChosen(kind);
    return true;
  };
  usePanelShortcuts(panel, 'stats', { 'stats.shift': choose('shift'), 'stats.today': choose('today'), 'stats.week': choose('week') }, overrides);

  const windowName = t(statsWindowKeys[statsKind ?? windowKind]);
  const mattersTitle = t('supervision:stats.matters.title', { top: STATS_TOP });
  return (
    <div ref={panel} className="supervision-panel stats-panel" tabIndex={-1} data-testid="stats-panel" aria-label={t('supervision:stats.title')} aria-busy={loading}>
      <div className="supervision-head">
        <Typography.Text strong>{t('supervision:stats.title')}</Typography.Text>
        <RangeButtons
          kinds={statsWindowKinds}
          chosen={windowKind}
          onChoose={windowChosen}
          label={t('supervision:stats.windowLabel')}
          nameOf={(kind) => t(statsWindowKeys[kind])}
          keyOf={(kind) => windowKeys[kind]}
          testIdPrefix="stats-window-"
        />
        <Typography.Text type="secondary" className="supervision-hint">
          {t('supervision:stats.hint')}
        </Typography.Text>
        <Button size="small" onClick={() => void load()} loading={loading} data-testid="stats-refresh">
          {t('supervision:stats.refresh')}
        </Button>
      </div>
      {stats && (
        <div className="supervision-meta" data-testid="stats-range">
          {windowName} · {t('supervision:stats.range', { from: dayjs(stats.from).format('MM-DD HH:mm'), to: dayjs(stats.to).format('MM-DD HH:mm') })}
        </div>
      )}
      {error && <Notice type="warning" showIcon title={t('supervision:stats.failed', { reason: errorText(error) })} data-testid="stats-error" />}
      {!stats && loading && <Spin description={t('supervision:stats.loading')} />}
      {stats && (
        <>
          <figure className="stats-figure" data-testid="stats-hourly">
            <figcaption className="stats-caption">{t('supervision:stats.hourly.title')}</figcaption>
            <Suspense fallback={<div className="stats-chart-placeholder" style={{ height: 200 }} />}>
              <HourlyChart stats={stats} describedBy={ids.hourly} />
            </Suspense>
            <p id={ids.hourly} className="stats-summary" data-testid="stats-hourly-summary">
              {hourlySummary(stats, windowName, t)}
            </p>
          </figure>
          <figure className="stats-figure" data-testid="stats-matters">
            <figcaption className="stats-caption">{mattersTitle}</figcaption>
            {stats.matters.length > 0 && (
              <Suspense fallback={<div className="stats-chart-placeholder" />}>
                <MattersChart stats={stats} describedBy={ids.matters} title={mattersTitle} />
              </Suspense>
            )}
            <p id={ids.matters} className="stats-summary" data-testid="stats-matters-summary">
              {mattersSummary(stats, t)}
            </p>
          </figure>
          <figure className="stats-figure" data-testid="stats-rates">
            <figcaption className="stats-caption">{t('supervision:stats.departments.title')}</figcaption>
            {stats.departments.length > 0 && (
              <Suspense fallback={<div className="stats-chart-placeholder" />}>
                <DepartmentRatesChart stats={stats} describedBy={ids.rates} />
              </Suspense>
            )}
            <p id={ids.rates} className="stats-summary" data-testid="stats-rates-summary">
              {ratesSummary(stats, t)}
            </p>
            <Typography.Text type="secondary" className="stats-definition">
              {t('supervision:stats.departments.definition')}
            </Typography.Text>
          </figure>
        </>
      )}
    </div>
  );
}
