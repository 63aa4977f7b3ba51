import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RejectedOutboxEntry } from '../../../../shared/sync/status';
import { desk } from '../../desk/desk';
import { rejectedEntryText } from '../../i18n/error-text';
import { timelineKindKeys } from '../../i18n/hub/keys';

/**
 * The shift summary's 需处理 list: each entry the hub refused for good (kept at this desk, never sent again), what
 * it was, when it was written and why it was refused, in the UI's language. Read when there are any.
 */
export function RefusedEntries({ count }: { count: number }): React.JSX.Element | null {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<readonly RejectedOutboxEntry[]>([]);
  useEffect(() => {
    if (count === 0) return;
    let live = true;
    void desk.listRejectedOutbox().then((result) => {
      if (live && result.ok) setEntries(result.value);
    });
    return () => {
      live = false;
    };
  }, [count]);
  if (count === 0 || entries.length === 0) return null;
  return (
    <div className="shift-summary-refused" data-testid="shift-summary-refused-list">
      <Typography.Text type="secondary" className="shift-summary-hint">
        {t('hub:shiftSummary.refusedHint')}
      </Typography.Text>
      <ol>
        {entries.map((entry) => (
          <li key={entry.seq} data-testid="shift-summary-refused-entry" data-ticket-id={entry.ticketId} data-reason={entry.reason}>
            <span>{t(timelineKindKeys[entry.kind] ?? 'hub:existing.kinds.other')}</span>
            <span>{dayjs(entry.createdAt).format('MM-DD HH:mm')}</span>
            <Typography.Text type="danger">{rejectedEntryText(t, entry)}</Typography.Text>
          </li>
        ))}
      </ol>
    </div>
  );
}
