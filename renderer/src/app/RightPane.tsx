import { registerAsNewMatter } from './register-as-new-matter';
import { Tabs } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { HistoryPanel } from '../features/history';
import { HubTicketList, RepliesTabLabel } from '../features/hub';
import { KnowledgePane } from '../features/knowledge';
import { useHubStore } from '../core/hub-store';
import { AlertsPanel, AlertsTabLabel, canSupervise, PlacementPanel, ReviewQueue, ReviewsTabLabel, SeatBoardButton, StatsPanel } from '../features/supervision';
import type { RightTab } from '../stores/workbench-store';
import { useWorkbenchStore } from '../stores/workbench-store';

export function RightPane(): React.JSX.Element {
  const { t } = useTranslation();
  const tab = useWorkbenchStore((s) => s.rightTab);
  const choose = useWorkbenchStore((s) => s.rightTabChosen);
  // 实训审核, 预警, 统计 and 实习档案 only for a signed-in supervisor or admin.
  const supervisor = useHubStore((s) => canSupervise(s.session));
  // The panels but the knowledge pane (shown first) are lazy chunks: the pane waits for one on its own.
  const loading = (panel: React.JSX.Element): React.JSX.Element => <Suspense fallback={<div className="desk-loading">{t('common:app.loading')}</div>}>{panel}</Suspense>;
  const activeKey = !supervisor && (tab === 'reviews' || tab === 'alerts' || tab === 'stats' || tab === 'placement') ? 'knowledge' : tab;
  return (
    <section className="pane pane-right" aria-label={t('common:pane.knowledge')} data-testid="pane-knowledge">
      <Tabs
        activeKey={activeKey}
        // The seat-board button sits beside the tab list, not inside it: a tablist holds tabs only (screen readers, axe).
        renderTabBar={(props, DefaultTabBar) => (
          <div className="right-pane-tabs">
            <DefaultTabBar {...props} />
            {supervisor && <SeatBoardButton />}
          </div>
        )}
        onChange={(key) => {
          choose(key as RightTab);
        }}
        items={[
          { key: 'knowledge', label: t('common:pane.knowledge'), children: <KnowledgePane onRegisterAsNew={registerAsNewMatter} /> },
          { key: 'history', label: t('common:pane.history'), children: loading(<HistoryPanel />) },
          { key: 'replies', label: <RepliesTabLabel />, children: loading(<HubTicketList />) },
          ...(supervisor
            ? [
                { key: 'reviews', label: <ReviewsTabLabel />, children: loading(<ReviewQueue active={activeKey === 'reviews'} />) },
                { key: 'alerts', label: <AlertsTabLabel />, children: loading(<AlertsPanel active={activeKey === 'alerts'} />) },
                { key: 'stats', label: <span data-testid="stats-tab">{t('common:pane.stats')}</span>, children: loading(<StatsPanel active={activeKey === 'stats'} />) },
                { key: 'placement', label: <span data-testid="placement-tab">{t('common:pane.placement')}</span>, children: loading(<PlacementPanel active={activeKey === 'placement'} />) },
              ]
            : []),
        ]}
      />
    </section>
  );
}
