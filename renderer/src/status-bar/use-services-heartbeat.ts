import { useEffect } from 'react';
import { desk } from '../desk/desk';
import { useWorkbenchStore } from '../stores/workbench-store';

const HEARTBEAT_MS = 10_000;

/** Asks the local services for a sign of life, so the status bar never shows a stale "OK". */
export function useServicesHeartbeat(): void {
  const changed = useWorkbenchStore((s) => s.servicesReachabilityChanged);
  useEffect(() => {
    let cancelled = false;
    const beat = (): void => {
      void desk.getAppInfo().then((result) => {
        if (!cancelled) changed(result.ok);
      });
    };
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [changed]);
}
