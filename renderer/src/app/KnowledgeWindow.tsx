import { ShortcutHelpOnDemand } from '../shortcuts/ShortcutHelpOnDemand';
import { RightPane } from './RightPane';
import { useWorkbenchShortcuts } from './use-workbench-shortcuts';

/** The detached knowledge pane, alone in its window on the desk's second monitor. */
export function KnowledgeWindow(): React.JSX.Element {
  useWorkbenchShortcuts();
  return (
    <div className="knowledge-window">
      <RightPane />
      <ShortcutHelpOnDemand />
    </div>
  );
}
