import { Tooltip } from 'antd';
import type { TooltipProps } from 'antd';
import { cloneElement, isValidElement, useEffect, useState } from 'react';

type HintProps = Omit<TooltipProps, 'open' | 'onOpenChange' | 'defaultOpen'>;
type HoverHandlers = { onMouseEnter?: (event: React.MouseEvent) => void };

/**
 * A hover hint (antd's Tooltip) that steps aside as soon as the operator acts.
 *
 * Why not a plain Tooltip: antd hands Escape to the newest open popup. When a button opens a dialog on click and
 * its tooltip's hover delay runs out a moment later, the tooltip becomes that newest popup and takes the Escape
 * meant for the dialog, which stays open. So any key or pointer press closes the hint, and it does not open again
 * until the pointer enters its element anew.
 */
export function Hint({ children, ...tooltip }: HintProps): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const [armed, setArmed] = useState(true);

  useEffect(() => {
    const stepAside = (): void => {
      setOpen(false);
      setArmed(false);
    };
    window.addEventListener('pointerdown', stepAside, true);
    window.addEventListener('keydown', stepAside, true);
    return () => {
      window.removeEventListener('pointerdown', stepAside, true);
      window.removeEventListener('keydown', stepAside, true);
    };
  }, []);

  const target = isValidElement<HoverHandlers>(children)
    ? cloneElement(children, {
        onMouseEnter: (event: React.MouseEvent) => {
          setArmed(true);
          children.props.onMouseEnter?.(event);
        },
      })
    : children;

  return (
    <Tooltip {...tooltip} open={open} onOpenChange={(next) => setOpen(next && armed)}>
      {target}
    </Tooltip>
  );
}
