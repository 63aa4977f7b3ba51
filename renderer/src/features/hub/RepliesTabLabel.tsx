import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { awaitingCallbackCount } from '../../core/hub-view';
import { useHubStore } from '../../core/hub-store';
import { useNow } from '../../core/use-now';

/** How often the 回访 list looks at the clock: a try after 无法联系 falls due to the minute. */
export const DUE_TICK_MS = 30_000;

/** The tab's label with the number of callbacks due now (replies, and tries after 无法联系 whose time has come). */
export function RepliesTabLabel(): React.JSX.Element {
  const { t } = useTranslation();
  const now = useNow(DUE_TICK_MS);
  const count = useHubStore((s) => awaitingCallbackCount(s.tickets, s.local, now));
  return (
    <span data-testid="replies-tab">
      {t('common:pane.replies')} <Badge count={count} size="small" title={t('hub:replies.count', { count })} />
    </span>
  );
}
