import type { DropdownProps } from 'antd';
import { cloneElement, isValidElement, lazy, Suspense, useState } from 'react';

/** antd's Dropdown brings its Menu (about 30 KiB): fetched the first time such a menu is opened. */
const Dropdown = lazy(() => import('antd/es/dropdown'));

type TriggerProps = { onClick?: (event: React.MouseEvent) => void };

/**
 * A click-opened antd Dropdown whose code comes with the first click, not with the first screen (the status bar's
 * agent-state menu is on every desk's first screen, opened a few times a shift). Until then the trigger is shown as it
 * is; the first click loads the menu and opens it.
 */
export function DropdownOnDemand({ children, disabled, ...dropdown }: Omit<DropdownProps, 'open' | 'onOpenChange' | 'trigger'>): React.JSX.Element {
  const [wanted, setWanted] = useState(false);
  const [open, setOpen] = useState(false);
  if (!wanted && isValidElement<TriggerProps>(children)) {
    return cloneElement(children, {
      onClick: (event: React.MouseEvent) => {
        children.props.onClick?.(event);
        if (disabled) return;
        setWanted(true);
        setOpen(true);
      },
    });
  }
  return (
    <Suspense fallback={children}>
      <Dropdown {...dropdown} disabled={disabled} trigger={['click']} open={open} onOpenChange={setOpen}>
        {children}
      </Dropdown>
    </Suspense>
  );
}
