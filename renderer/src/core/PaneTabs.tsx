import * as Tabs from '@radix-ui/react-tabs';
import { useState } from 'react';

export interface PaneTab<K extends string> {
  key: K;
  label: React.ReactNode;
  content: React.ReactNode;
}

interface PaneTabsProps<K extends string> {
  activeKey: K;
  items: PaneTab<K>[];
  onChange: (key: K) => void;
  /** Shown beside the tab list, not inside it: a tablist holds tabs only (screen readers, axe). */
  beside?: React.ReactNode;
  label: string;
}

/**
 * The right pane's tabs, on Radix's headless tabs (roles, arrow keys, focus) rather than antd's: antd's tab bar brings
 * its overflow menu (rc-tabs, rc-menu and a dropdown, about 60 KiB) into the first screen, and this bar wraps instead.
 * A panel is mounted the first time its tab is chosen and kept afterwards, hidden: the knowledge search, the history
 * filter and a half-read review keep their state across tab changes, and the lazy panels' code is fetched only when
 * someone opens them.
 */
export function PaneTabs<K extends string>({ activeKey, items, onChange, beside, label }: PaneTabsProps<K>): React.JSX.Element {
  const [visited, setVisited] = useState<ReadonlySet<K>>(() => new Set([activeKey]));
  if (!visited.has(activeKey)) setVisited(new Set([...visited, activeKey]));
  return (
    <Tabs.Root className="pane-tabs" value={activeKey} onValueChange={(key) => onChange(key as K)} activationMode="manual">
      <div className="pane-tabs-bar">
        <Tabs.List className="pane-tabs-list" aria-label={label}>
          {items.map((item) => (
            <Tabs.Trigger key={item.key} value={item.key} className="pane-tabs-tab" data-tab={item.key}>
              {item.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {beside}
      </div>
      {items.map((item) =>
        visited.has(item.key) ? (
          <Tabs.Content key={item.key} value={item.key} className="pane-tabs-panel" forceMount>
            {item.content}
          </Tabs.Content>
        ) : null,
      )}
    </Tabs.Root>
  );
}
