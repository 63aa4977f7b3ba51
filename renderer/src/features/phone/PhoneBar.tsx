import { PhoneOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWorkbenchStore } from '../../stores/workbench-store';

/** The top bar: the softphone's state and call controls (the phone itself arrives with the softphone work). */
export function PhoneBar(): React.JSX.Element {
  const { t } = useTranslation();
  const helpToggled = useWorkbenchStore((s) => s.helpToggled);
  return (
    <header className="phone-bar" data-testid="phone-bar">
      <Typography.Title level={5} className="phone-bar-title">
        <PhoneOutlined /> {t('app.title')}
      </Typography.Title>
      <Tooltip title={t('phone.notConfiguredHint')}>
        <Tag color="default" data-testid="phone-state">
          {t('phone.notConfigured')}
        </Tag>
      </Tooltip>
      <Typography.Text type="secondary">{t('phone.noCall')}</Typography.Text>
      <span className="spacer" />
      <Button
        type="text"
        icon={<QuestionCircleOutlined />}
        onClick={() => {
          helpToggled(true);
        }}
        data-testid="open-shortcuts"
      >
        {t('shortcuts.open')}
      </Button>
    </header>
  );
}
