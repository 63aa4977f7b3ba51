import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where the registration, transfer and callback forms live during and after a call. */
export function TicketArea(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('ticket.title')} className="ticket-area" data-testid="ticket-area">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticket.empty')} />
    </Card>
  );
}
