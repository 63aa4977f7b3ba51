import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useKnowledgeStore } from './knowledge-store';

/**
 * Shown above the results when the best article accounts for little of what was searched for
 * (`isWeakMatch`): the operator is told so, and offered what can be done instead.
 */
export function WeakMatchNotice({ onWiden, onRegisterAsNew }: { onWiden: () => void; onRegisterAsNew: (() => void) | null }): React.JSX.Element {
  const { t } = useTranslation();
  const widened = useKnowledgeStore((s) => s.widened);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="kb-weak-match"
      role="status"
      title={t('knowledge:weak.title')}
      description={
        <>
          <div>{widened ? t('knowledge:weak.widened') : t('knowledge:weak.detail')}</div>
          <Space wrap style={{ marginTop: 8 }}>
            {!widened && (
              <Button size="small" onClick={onWiden} data-testid="kb-widen">
                {t('knowledge:weak.widen')}
              </Button>
            )}
            {onRegisterAsNew && (
              <Button size="small" type="primary" onClick={onRegisterAsNew} data-testid="kb-register-new">
                {t('knowledge:weak.registerNew')}
              </Button>
            )}
          </Space>
        </>
      }
    />
  );
}
