import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** The caller's earlier tickets and department replies (filled from the hub once a call is answered). */
export function HistoryPanel(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="history-panel" data-testid="history-panel">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />
    </div>
  );
}
