import { SyncOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/sync/status';
import { desk } from '../desk/desk';
import { learnedRefusedKeys, syncErrorKeys, syncStateKeys } from '../i18n/common/keys';
import { Hint } from '../core/Hint';

dayjs.extend(relativeTime);

const badge: Record<SyncStatus['connection'], 'default' | 'success' | 'processing' | 'error'> = {
  not_configured: 'default',
  online: 'success',
  syncing: 'processing',
  offline: 'error',
};

/**
 * The hub link in words: state, how many entries wait and since when, what
 * needs the operator, and the last error. Follows the services' pushes and
 * re-reads every 30 s so "oldest 5 minutes ago" keeps ageing.
 */
export function SyncStatusText(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<SyncStatus | null>(null);

  useEffect(() => {
    let cancelled = false;
    const read = (): void => {
      void desk.getSyncStatus().then((result) => {
        if (!cancelled && result.ok) setStatus(result.value);
      });
    };
    read();
    const timer = setInterval(read, 30_000);
    const off = desk.on('syncStatusChanged', setStatus);
    return () => {
      cancelled = true;
      clearInterval(timer);
      off();
    };
  }, []);

  if (!status) return <span data-testid="sync-state">{t('common:status.sync')}: …</span>;
  const locale = i18n.language === 'zh-CN' ? 'zh-cn' : 'en';
  const parts = [t(syncStateKeys[status.connection])];
  if (status.pending > 0) {
    parts.push(t('common:status.syncStates.pending', { count: status.pending }));
    if (status.oldestPendingAt) parts.push(t('common:status.syncStates.oldest', { age: dayjs(status.oldestPendingAt).locale(locale).fromNow() }));
  } else if (status.connection !== 'not_configured') {
    parts.push(t('common:status.syncStates.allSent'));
  }
  if (status.needsAttention > 0) parts.push(t('common:status.syncStates.needsAttention', { count: status.needsAttention }));
  const error = status.lastError ? t(syncErrorKeys[status.lastError.code]) : null;
  const { learned } = status;
  // The learned model in use (and a refused one) for supervisors and engineers: on hover, not in the operator's way.
  const learnedText = learned
    ? [
        learned.version > 0 && learned.trainedAt
          ? t(syncStateKeys.learned, { version: learned.version, time: dayjs(learned.trainedAt).format('YYYY-MM-DD HH:mm') })
          : t(syncStateKeys.learnedNone),
        learned.refused ? t(learnedRefusedKeys[learned.refused.reason]) : null,
      ]
    : [];
  const tip = [error, status.lastSuccessAt ? t('common:status.syncStates.lastSuccess', { time: dayjs(status.lastSuccessAt).format('HH:mm:ss') }) : null, ...learnedText]
    .filter(Boolean)
    .join(' · ');

  return (
    <span data-testid="sync-state" data-learned-version={learned?.version}>
      {t('common:status.sync')}:{' '}
      <Hint title={tip || undefined}>
        <Badge status={badge[status.connection]} text={parts.join(' · ')} />
      </Hint>
      {error && <span className="sync-error"> · {error}</span>}
      {status.connection !== 'not_configured' && (
        <Button
          type="link"
          size="small"
          icon={<SyncOutlined />}
          aria-label={t('common:status.syncStates.syncNow')}
          onClick={() => {
            void desk.syncNow().then((result) => {
              if (result.ok) setStatus(result.value);
            });
          }}
        />
      )}
    </span>
  );
}
