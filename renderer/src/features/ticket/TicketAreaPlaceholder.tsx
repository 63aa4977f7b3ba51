import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../core/Panel';

/**
 * Stands in for the ticket area while its chunk comes (the first second after a start): the same panel, title and
 * height (`.ticket-area-placeholder` in styles.css), so nothing on the workbench moves when the forms arrive.
 */
export function TicketAreaPlaceholder(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Panel title={t('ticket:title')} className="ticket-area ticket-area-placeholder" data-testid="ticket-area-placeholder" aria-busy="true">
      <Skeleton active title={false} paragraph={{ rows: 8 }} />
    </Panel>
  );
}
