import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Hint } from './Hint';

/** Copies `text` to the clipboard; the icon shows a tick for three seconds after (as antd's copyable text does). */
export function CopyButton({ text, 'data-testid': testId }: { text: string; 'data-testid'?: string }): React.JSX.Element {
  const { t } = useTranslation();
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
          void navigator.clipboard.writeText(text).then(() => {
            setCopied(true);
          });
        }}
      />
    </Hint>
  );
}
