import { lazy, useEffect } from 'react';
import { desk } from '../desk/desk';
import { useStorageFailureStore } from '../stores/storage-failure-store';
import { OpenedOnce } from '../core/opened-once';

/** The dialog's code (antd's Modal) is fetched when a write is first refused, not with the first screen. */
const StorageFailureDialog = lazy(() => import('./StorageFailureDialog'));

/**
 * Blocks the workbench when the local store refuses a write: typing on into a
 * form that cannot be saved would be a silent loss. What was saved before is
 * intact; the operator acknowledges, frees the disk (or calls support) and retries.
 */
export function StorageFailureNotice(): React.JSX.Element | null {
  const failure = useStorageFailureStore((s) => s.failure);
  useDamageFoundAfterStart();
  return (
    <OpenedOnce open={failure !== null}>
      <StorageFailureDialog />
    </OpenedOnce>
  );
}

/** The services check the file after start, off the start path: damage they find stops the operator like a refused write. */
function useDamageFoundAfterStart(): void {
  useEffect(() => {
    const damaged = (): void => {
      useStorageFailureStore.getState().failed('checkAfterStart', 'damaged');
    };
    const off = desk.on('storageDamaged', damaged);
    void desk.getAppInfo().then((result) => {
      if (result.ok && result.value.storageDamage) damaged();
    });
    return off;
  }, []);
}
