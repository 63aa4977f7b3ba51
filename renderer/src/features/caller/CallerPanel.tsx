import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** Screen pop for the current caller: number, earlier tickets, flags. Filled once the softphone answers. */
export function CallerPanel(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('caller.title')} className="caller-panel" data-testid="caller-panel">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caller.empty')} />
    </Card>
  );
}
