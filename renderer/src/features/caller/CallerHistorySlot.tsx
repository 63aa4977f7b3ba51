import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Where the caller's history goes: earlier tickets, open tickets, how often
 * they called about the same matter, flags (confidential, repeat caller).
 * It needs the hub (or its local replica); until that is wired in, it says so.
 */
export function CallerHistorySlot({ number }: { number: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" data-testid="caller-history" data-number={number}>
      {t('caller:history')}
    </Typography.Text>
  );
}
