import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Hint } from './Hint';
import { useNotices } from './notices';

/** Copies `text` to the clipboard; the icon shows a tick for three seconds after (as antd's copyable text does). */
export function CopyButton({ text, 'data-testid': testId }: { text: string; 'data-testid'?: string }): React.JSX.Element {
  const { t } = useTranslation();
  const notices = useNotices();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => {
      setCopied(false);
    }, 3000);
    return () => {
      clearTimeout(timer);
    };
  }, [copied]);
  const label = copied ? t('common:copied') : t('common:copy');
  return (
    <Hint title={label}>
      <Button
        type="text"
        size="small"
        aria-label={label}
        data-testid={testId}
        icon={copied ? <CheckOutlined /> : <CopyOutlined />}
        onClick={() => {
          // The clipboard can refuse (no permission, the window not focused): say so rather than fail quietly.
          navigator.clipboard.writeText(text).then(
            () => {
              setCopied(true);
            },
            () => {
              notices.warning(t('common:copyFailed'));
            },
          );
        }}
      />
    </Hint>
  );
}
