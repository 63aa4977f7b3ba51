import { EllipsisOutlined } from '@ant-design/icons';
import { Button, Divider, Popover } from 'antd';
import type { ReactNode } from 'react';
import { useLayoutEffect, useRef, useState } from 'react';

export interface FoldingItem {
  key: string;
  node: ReactNode;
}

const GAP = 17; // a divider and its margins between two items

/**
 * A row of items that never runs off its box: the items that do not fit (from
 * the end) fold into a "more" menu. Each item's width is measured while it is
 * shown and remembered, so a folded item comes back when the row grows.
 */
export function FoldingRow({ items, moreLabel, testId }: { items: readonly FoldingItem[]; moreLabel: string; testId?: string }): React.JSX.Element {
  const row = useRef<HTMLDivElement>(null);
  const widths = useRef(new Map<string, number>());
  const [shown, setShown] = useState(items.length);
  const [room, setRoom] = useState(0);

  useLayoutEffect(() => {
    const el = row.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      setRoom(el.clientWidth);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
    };
  }, []);

  useLayoutEffect(() => {
    const el = row.current;
    if (!el) return;
    for (const child of el.querySelectorAll<HTMLElement>(':scope > [data-fold-key]')) widths.current.set(child.dataset.foldKey ?? '', child.offsetWidth);
    const more = 40;
    let used = 0;
    let fit = 0;
    for (const [index, item] of items.entries()) {
      const width = (widths.current.get(item.key) ?? 0) + (index > 0 ? GAP : 0);
      const reserve = index < items.length - 1 ? more : 0;
      if (used + width + reserve > el.clientWidth) break;
      used += width;
      fit += 1;
    }
    if (fit !== shown) setShown(fit);
    // Items are a new array on every render of the bar: this measures after each one, and after a resize.
  }, [items, shown, room]);

  const folded = items.slice(shown);
  return (
    <div className="folding-row" ref={row} data-testid={testId} data-room={room}>
      {items.slice(0, shown).map((item, index) => (
        <span key={item.key} className="folding-row-item" data-fold-key={item.key}>
          {index > 0 && <Divider orientation="vertical" />}
          {item.node}
        </span>
      ))}
      {folded.length > 0 && (
        <Popover
          trigger="click"
          placement="topLeft"
          content={
            <div className="folding-row-menu">
              {folded.map((item) => (
                <div key={item.key}>{item.node}</div>
              ))}
            </div>
          }
        >
          <Button size="small" type="text" icon={<EllipsisOutlined />} aria-label={moreLabel} title={moreLabel} data-testid="status-bar-more" />
        </Popover>
      )}
    </div>
  );
}
