import { Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../desk/desk';
import { useStorageFailureStore } from '../stores/storage-failure-store';
import { storageFailureKeys } from '../i18n/common/keys';

/**
 * Blocks the workbench when the local store refuses a write: typing on into a
 * form that cannot be saved would be a silent loss. What was saved before is
 * intact; the operator acknowledges, frees the disk (or calls support) and retries.
 */
export function StorageFailureNotice(): React.JSX.Element {
  const { t } = useTranslation();
  const failure = useStorageFailureStore((s) => s.failure);
  const acknowledged = useStorageFailureStore((s) => s.acknowledged);
  useDamageFoundAfterStart();
  return (
    <Modal
      open={failure !== null}
      title={t('common:app.storageFailed.title')}
      okText={t('common:app.storageFailed.acknowledge')}
      onOk={acknowledged}
      cancelButtonProps={{ style: { display: 'none' } }}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      rootClassName="storage-failure"
    >
      <p data-testid="storage-failure-reason">{t(storageFailureKeys[failure?.reason ?? 'unknown'])}</p>
      <p>{t('common:app.storageFailed.savedIsSafe')}</p>
    </Modal>
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
