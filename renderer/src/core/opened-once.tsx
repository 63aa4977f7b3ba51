import { Suspense, useState } from 'react';

/**
 * Mounts `children` (a lazily loaded dialog) the first time `open` is true and keeps it mounted after that,
 * for its closing animation: a dialog's code is fetched when it is first opened, not with the first paint.
 */
export function OpenedOnce({ open, children }: { open: boolean; children: React.ReactNode }): React.JSX.Element | null {
  const [wanted, setWanted] = useState(open);
  if (open && !wanted) setWanted(true);
  if (!wanted) return null;
  return <Suspense fallback={null}>{children}</Suspense>;
}
