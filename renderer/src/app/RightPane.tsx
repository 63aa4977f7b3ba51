import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { HistoryPanel } from '../features/history/HistoryPanel';
import { HubTicketList, RepliesTabLabel } from '../features/hub/HubTicketList';
import { KnowledgePane } from '../features/knowledge/KnowledgePane';
import type { RightTab } from '../stores/workbench-store';
import { useWorkbenchStore } from '../stores/workbench-store';

export function RightPane(): React.JSX.Element {
  const { t } = useTranslation();
  const tab = useWorkbenchStore((s) => s.rightTab);
  const choose = useWorkbenchStore((s) => s.rightTabChosen);
  return (
    <section className="pane pane-right" aria-label={t('pane.knowledge')} data-testid="pane-knowledge">
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          choose(key as RightTab);
        }}
        items={[
          { key: 'knowledge', label: t('pane.knowledge'), children: <KnowledgePane /> },
          { key: 'history', label: t('pane.history'), children: <HistoryPanel /> },
          { key: 'replies', label: <RepliesTabLabel />, children: <HubTicketList /> },
        ]}
      />
    </section>
  );
}
