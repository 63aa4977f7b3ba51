import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStorageFailureStore } from '../stores/storage-failure-store';
import { storageFailureKeys } from '../i18n/common/keys';

/** The blocking dialog of StorageFailureNotice: loaded the first time the local store refuses a write. */
export default function StorageFailureDialog(): React.JSX.Element {
  const { t } = useTranslation();
  const failure = useStorageFailureStore((s) => s.failure);
  const acknowledged = useStorageFailureStore((s) => s.acknowledged);
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
