import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/desk-api';
import { desk } from '../desk/desk';

/** Says, until the desk restarts, that the local database was damaged at start and where it was kept. */
export function StorageRecoveryBanner(): React.JSX.Element | null {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState<AppInfo['storageRecovery']>(null);
  useEffect(() => {
    let cancelled = false;
    void desk.getAppInfo().then((result) => {
      if (!cancelled && result.ok) setRecovery(result.value.storageRecovery);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  if (!recovery) return null;
  return <Alert type="error" showIcon banner data-testid="storage-recovered" title={t('common:app.storageRecovered', { keptAt: recovery.keptAt })} />;
}
