import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Tooltip } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../desk/desk';
import { useSettingsStore } from '../../stores/settings-store';
import { useWorkbenchStore } from '../../stores/workbench-store';

/** Knowledge search while the caller talks; the search itself arrives with the knowledge-base work. */
export function KnowledgePane(): React.JSX.Element {
  const { t } = useTranslation();
  const input = useRef<InputRef>(null);
  const [query, setQuery] = useState('');
  const focusRequest = useWorkbenchStore((s) => s.knowledgeFocusRequest);
  const detached = useSettingsStore((s) => s.settings.knowledgePaneDetached);
  const canDetach = useCanDetach();

  useEffect(() => {
    if (focusRequest > 0) input.current?.focus({ cursor: 'all' });
  }, [focusRequest]);

  return (
    <div className="knowledge-pane" data-testid="knowledge-pane">
      <div className="knowledge-search-row">
        <Input.Search
          ref={input}
          allowClear
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
          placeholder={t('knowledge.searchPlaceholder')}
          data-testid="knowledge-search"
        />
        {canDetach && (
          <Tooltip title={detached ? t('pane.dock') : t('knowledge.detach')}>
            <Button
              icon={detached ? <ImportOutlined /> : <ExportOutlined />}
              onClick={() => void desk.setKnowledgePaneDetached({ detached: !detached })}
              aria-label={detached ? t('pane.dock') : t('knowledge.detach')}
            />
          </Tooltip>
        )}
      </div>
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('knowledge.empty')} />
    </div>
  );
}

function useCanDetach(): boolean {
  const [can, setCan] = useState(false);
  useEffect(() => {
    void desk.getAppInfo().then((result) => {
      setCan(result.ok && result.value.capabilities.detachKnowledgePane);
    });
  }, []);
  return can;
}
