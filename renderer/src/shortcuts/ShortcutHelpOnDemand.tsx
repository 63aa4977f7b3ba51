import { lazy } from 'react';
import { OpenedOnce } from '../core/opened-once';
import { useWorkbenchStore } from '../stores/workbench-store';

const ShortcutHelp = lazy(() => import('./ShortcutHelp').then((m) => ({ default: m.ShortcutHelp })));

/** The shortcut list (F1 or `?`), fetched the first time it is opened: its table is a large part of antd nothing else on the workbench uses. */
export function ShortcutHelpOnDemand(): React.JSX.Element | null {
  const open = useWorkbenchStore((s) => s.helpOpen);
  return (
    <OpenedOnce open={open}>
      <ShortcutHelp />
    </OpenedOnce>
  );
}
