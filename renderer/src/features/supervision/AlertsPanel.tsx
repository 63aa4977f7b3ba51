import { Alert as Notice, Button, Empty, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../shared/hub/alerts';
import type { DeskError } from '../../../../shared/result';
import { usePanelShortcuts } from '../../shortcuts/use-shortcuts';
import { useSettingsStore } from '../../stores/settings-store';
import { deskErrorText } from '../../i18n/error-text';
import { alertKindColors, alertKindTextColors, alertPlace, countsByKind } from './alerts-model';
import { useAlertFeed, useAlertsStore } from './alerts-store';
import { useRowFocus } from '../../shortcuts/use-row-focus';
import './supervision.css';
import { alertKindKeys } from '../../i18n/supervision/keys';
import { useNotices } from '../../core/notices';

const AlertsChart = lazy(() => import('./AlertsChart'));

const ROW = '[data-alert-row]';
const stillLoading = (): boolean => useAlertsStore.getState().loading;

/**
 * 预警: the hub's open early-warning alerts, kept live by the feed — a new
 * alert or one that grew moves to the top, an acknowledged one (here or at
 * another supervisor's desk) drops out. Each shows its kind, matter, district
 * or caller, how many tickets in which window, and on demand the tickets
 * themselves. ↑/↓ move, Enter shows the tickets, K acknowledges.
 */
export function AlertsPanel({ active = true }: { active?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const message = useNotices();
  useAlertFeed();
  const alerts = useAlertsStore((s) => s.alerts);
  const loaded = useAlertsStore((s) => s.loaded);
  const loading = useAlertsStore((s) => s.loading);
  const error = useAlertsStore((s) => s.error);
  const expanded = useAlertsStore((s) => s.expanded);
  const focusRequest = useAlertsStore((s) => s.focusRequest);
  const { load, acknowledge, toggleExpanded } = useAlertsStore.getState();
  const overrides = useSettingsStore((s) => s.settings.shortcuts);
  const panel = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const counts = useMemo(() => countsByKind(alerts), [alerts]);
  const errorText = (e: DeskError): string => deskErrorText(t, e);
  const matterOf = (alert: Alert): string => alert.matter.join(' / ');

  const wasActive = useRef(active);
  useEffect(() => {
    // The feed reads on mount; shown again later, the list is read afresh.
    if (active && !wasActive.current) void load();
    wasActive.current = active;
  }, [active, load]);

  const { pendingFocusRef, focusPending, focusedRow, move } = useRowFocus(panel, list, ROW, stillLoading, focusRequest);

  useEffect(() => {
    if (loaded) focusPending();
  }, [alerts, loaded, focusPending]);

  const alertOf = (row: HTMLElement | null): Alert | undefined => alerts.find((a) => String(a.id) === row?.dataset.alertId);

  const acknowledgeAlert = async (alert: Alert): Promise<void> => {
    if (busy !== null) return;
    setBusy(alert.id);
    const row = focusedRow();
    const index = alerts.indexOf(alert);
    if (row && alertOf(row) === alert) pendingFocusRef.current = index;
    const result = await acknowledge(alert.id);
    setBusy(null);
    if (result.ok) message.success(t('supervision:alerts.acknowledged', { matter: matterOf(alert) }));
    else {
      pendingFocusRef.current = null;
      message.error(t('supervision:alerts.acknowledgeFailed', { reason: errorText(result.error) }));
    }
  };

  usePanelShortcuts(
    panel,
    'alerts',
    {
      'alert.next': () => move(1),
      'alert.previous': () => move(-1),
      'alert.toggleTickets': (event) => {
        // Only on the row itself: Enter on a button inside presses that button.
        const row = event.target instanceof HTMLElement && event.target.matches(ROW) ? event.target : null;
        const alert = alertOf(row);
        if (alert) toggleExpanded(alert.id);
        return alert !== undefined;
      },
      'alert.acknowledge': () => {
        const alert = alertOf(focusedRow());
        if (alert) void acknowledgeAlert(alert);
        return alert !== undefined;
      },
    },
    overrides,
  );

  return (
    <div ref={panel} className="supervision-panel alerts-panel" tabIndex={-1} data-testid="alerts-panel" aria-label={t('supervision:alerts.title')}>
      <div className="supervision-head">
        <Typography.Text strong>{t('supervision:alerts.title')}</Typography.Text>
        {loaded && (
          <Tag color={alerts.length > 0 ? 'red' : undefined} data-testid="alerts-count">
            {t('supervision:alerts.count', { count: alerts.length })}
          </Tag>
        )}
        <Typography.Text type="secondary" className="supervision-hint">
          {t('supervision:alerts.hint')}
        </Typography.Text>
        <Button size="small" onClick={() => void load()} loading={loading} data-testid="alerts-refresh">
          {t('supervision:alerts.refresh')}
        </Button>
      </div>
      {error && <Notice type="warning" showIcon title={t('supervision:alerts.failed', { reason: errorText(error) })} data-testid="alerts-error" />}
      {alerts.length > 0 && (
        <figure className="alerts-figure">
          <figcaption className="supervision-meta">{t('supervision:alerts.chart.title')}</figcaption>
          <Suspense fallback={<div className="alerts-chart" />}>
            <AlertsChart counts={counts} />
          </Suspense>
        </figure>
      )}
      {!loaded && loading ? (
        <Spin description={t('supervision:alerts.loading')} />
      ) : alerts.length === 0 ? (
        loaded && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision:alerts.empty')} />
      ) : (
        <ol ref={list} className="supervision-list" aria-label={t('supervision:alerts.title')}>
          {alerts.map((alert) => {
            const open = expanded.has(alert.id);
            return (
              <li
                key={alert.id}
                tabIndex={0}
                className="supervision-row alert-row"
                style={{ borderLeftColor: alertKindColors[alert.kind] }}
                data-alert-row
                data-testid="alert-row"
                data-alert-id={alert.id}
                data-kind={alert.kind}
                aria-expanded={open}
                aria-label={`${t(alertKindKeys[alert.kind])} ${matterOf(alert)}`}
              >
                <AlertDetails alert={alert} />
                <div className="supervision-actions">
                  <Button
                    size="small"
                    type="link"
                    tabIndex={-1}
                    onClick={() => {
                      toggleExpanded(alert.id);
                    }}
                    data-testid="alert-toggle-tickets"
                  >
                    {open ? t('supervision:alerts.hideTickets') : t('supervision:alerts.showTickets', { count: alert.tickets.length })}
                  </Button>
                  <Button size="small" type="primary" ghost tabIndex={-1} loading={busy === alert.id} onClick={() => void acknowledgeAlert(alert)} data-testid="alert-acknowledge">
                    {t('supervision:alerts.acknowledge')}
                  </Button>
                </div>
                {open && (
                  <ul className="alert-tickets" data-testid="alert-tickets">
                    {alert.tickets.map((ticket) => (
                      <li key={ticket.id} data-testid="alert-ticket">
                        <span className="supervision-number">{ticket.number}</span>
                        <Typography.Text type="secondary" className="alert-ticket-time">
                          {dayjs(ticket.createdAt).format('MM-DD HH:mm')}
                        </Typography.Text>
                        {ticket.summary}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

function AlertDetails({ alert }: { alert: Alert }): React.JSX.Element {
  const { t } = useTranslation();
  const place = alertPlace(alert);
  const sameDay = dayjs(alert.windowStart).isSame(alert.windowEnd, 'day');
  return (
    <>
      <div className="supervision-row-head">
        <Tag color={alertKindColors[alert.kind]} style={{ color: alertKindTextColors[alert.kind] }} data-testid="alert-kind">
          {t(alertKindKeys[alert.kind])}
        </Tag>
        <strong data-testid="alert-matter">{alert.matter.join(' / ')}</strong>
        <Tag data-testid="alert-count">{t('supervision:alerts.ticketCount', { count: alert.ticketCount })}</Tag>
        <Typography.Text type="secondary" className="supervision-time">
          {t('supervision:alerts.updated', { time: dayjs(alert.updatedAt).format('MM-DD HH:mm') })}
        </Typography.Text>
      </div>
      <div className="supervision-meta" data-testid="alert-place">
        {'caller' in place ? t('supervision:alerts.caller', { number: place.caller }) : (place.district ?? t('supervision:alerts.cityWide'))}
        {' · '}
        {t('supervision:alerts.window', {
          start: dayjs(alert.windowStart).format('MM-DD HH:mm'),
          end: dayjs(alert.windowEnd).format(sameDay ? 'HH:mm' : 'MM-DD HH:mm'),
        })}
      </div>
    </>
  );
}
