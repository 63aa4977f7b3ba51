import { registerAsNewMatter } from './register-as-new-matter';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { HistoryPanel } from '../features/history';
import { HubTicketList, RepliesTabLabel } from '../features/hub';
import { KnowledgePane } from '../features/knowledge';
import { useHubStore } from '../core/hub-store';
import { PaneTabs } from '../core/PaneTabs';
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
      <PaneTabs<RightTab>
        label={t('common:pane.tabs')}
        activeKey={activeKey}
        beside={supervisor && <SeatBoardButton />}
        onChange={choose}
        items={[
          { key: 'knowledge', label: t('common:pane.knowledge'), content: <KnowledgePane onRegisterAsNew={registerAsNewMatter} /> },
          { key: 'history', label: t('common:pane.history'), content: loading(<HistoryPanel />) },
          { key: 'replies', label: <RepliesTabLabel />, content: loading(<HubTicketList />) },
          ...(supervisor
            ? [
                { key: 'reviews' as const, label: <ReviewsTabLabel />, content: loading(<ReviewQueue active={activeKey === 'reviews'} />) },
                { key: 'alerts' as const, label: <AlertsTabLabel />, content: loading(<AlertsPanel active={activeKey === 'alerts'} />) },
                { key: 'stats' as const, label: <span data-testid="stats-tab">{t('common:pane.stats')}</span>, content: loading(<StatsPanel active={activeKey === 'stats'} />) },
                { key: 'placement' as const, label: <span data-testid="placement-tab">{t('common:pane.placement')}</span>, content: loading(<PlacementPanel active={activeKey === 'placement'} />) },
              ]
            : []),
        ]}
      />
    </section>
  );
}
