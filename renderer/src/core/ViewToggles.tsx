import { BulbOutlined, GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../stores/settings-store';
import { Hint } from './Hint';

interface ToggleProps {
  /** The shortcut shown in the tooltip, as the view prints it. */
  keys: string;
  /** The tooltip's form, e.g. `name (keys)` or `name（keys）`. */
  format: (name: string, keys: string) => string;
  testId?: string;
}

/** The language toggle of the status bar and the board's header: the other language's own name, marked as that language. */
export function LanguageToggle({ keys, format, testId }: ToggleProps): React.JSX.Element {
  const { t } = useTranslation();
  const locale = useSettingsStore((s) => s.settings.locale);
  return (
    <Hint title={format(t('common:settings.language'), keys)}>
      <Button size="small" type="text" icon={<GlobalOutlined />} data-testid={testId} onClick={() => void useSettingsStore.getState().languageToggled()}>
        <span lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}>{locale === 'zh-CN' ? 'English' : '中文'}</span>
      </Button>
    </Hint>
  );
}

/** The theme toggle of the status bar and the board's header: names the theme it switches to. */
export function ThemeToggle({ keys, format, testId }: ToggleProps): React.JSX.Element {
  const { t } = useTranslation();
  const theme = useSettingsStore((s) => s.settings.theme);
  return (
    <Hint title={format(t('common:settings.theme'), keys)}>
      <Button size="small" type="text" icon={<BulbOutlined />} data-testid={testId} onClick={() => void useSettingsStore.getState().themeToggled()}>
        {theme === 'dark' ? t('common:settings.light') : t('common:settings.dark')}
      </Button>
    </Hint>
  );
}
