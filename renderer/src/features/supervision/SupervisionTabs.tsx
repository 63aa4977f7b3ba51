import { DesktopOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useHubStore } from '../../core/hub-store';
import { useAlertFeed, useAlertsStore } from './alerts-store';
import { openSeatBoard } from './open-seat-board';
import { useReviewStore } from './review-store';
import { Hint } from '../../core/Hint';
import { useNotices } from '../../core/notices';

/** The 实训审核 tab's label with the number of tickets waiting (as last read). */
export function ReviewsTabLabel(): React.JSX.Element {
  const { t } = useTranslation();
  const count = useReviewStore((s) => s.tickets.length);
  useEffect(() => {
    // Read once when a supervisor signs in, so the count shows before the tab is opened.
    void useReviewStore.getState().load();
  }, []);
  return (
    <span data-testid="reviews-tab">
      {t('common:pane.reviews')} <Badge count={count} size="small" color="blue" title={t('supervision:reviews.count', { count })} />
    </span>
  );
}

/** The 预警 tab's label with the number of open alerts, live on whichever tab is shown. */
export function AlertsTabLabel(): React.JSX.Element {
  const { t } = useTranslation();
  useAlertFeed();
  const count = useAlertsStore((s) => s.alerts.length);
  return (
    <span data-testid="alerts-tab">
      {t('common:pane.alerts')} <Badge count={count} size="small" title={t('supervision:alerts.count', { count })} />
    </span>
  );
}

/** Beside the supervision tabs: the seat board in its own window, as Alt+9 opens it. */
export function SeatBoardButton(): React.JSX.Element {
  const { t } = useTranslation();
  const message = useNotices();
  return (
    <Hint title={t('supervision:board.openHint')}>
      <Button
        size="small"
        icon={<DesktopOutlined />}
        data-testid="open-seat-board"
        onClick={() => void openSeatBoard(useHubStore.getState().session, (text) => message.info(text), t)}
      >
        {t('supervision:board.open')}
      </Button>
    </Hint>
  );
}
