import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Empty, Tag } from 'antd';
// The search box's own module: antd's Input index brings Password, OTP and TextArea (about 12 KiB) to the first screen.
import InputSearch from 'antd/es/input/Search';
import type { InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../desk/desk';
import { useSettingsStore } from '../../stores/settings-store';
import { useTicketDraftStore } from '../../stores/ticket-draft-store';
import { useWorkbenchStore } from '../../stores/workbench-store';
import { isWeakMatch } from '../../../../shared/kb/weak-match';
import { KnowledgeResults } from './KnowledgeResults';
import { WeakMatchNotice } from './WeakMatchNotice';
import { SemanticModelLine } from './SemanticModelLine';
import { useKnowledgeStore } from './knowledge-store';
import { toggleArticle } from './article-use';
import { useKnowledgeSearch } from './use-knowledge-search';
import { Hint } from '../../core/Hint';

/**
 * Knowledge search while the caller talks: results on every keystroke, ↑/↓ to
 * pick, Enter to open the whole answer, Alt+I to copy it into the ticket (and
 * link the article). With nothing typed, the ticket's description suggests.
 * When nothing matches well it says so: Shift+Enter widens the search,
 * Alt+Enter registers what was searched for as a new matter.
 */
export function KnowledgePane({ onRegisterAsNew }: { onRegisterAsNew?: (query: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const input = useRef<InputRef>(null);
  const [query, setQuery] = useState('');
  const focusRequest = useWorkbenchStore((s) => s.knowledgeFocusRequest);
  const detached = useSettingsStore((s) => s.settings.knowledgePaneDetached);
  const canDetach = useCanDetach();
  const hitCount = useKnowledgeStore((s) => s.hits.length);
  const weak = useKnowledgeStore((s) => s.source === 'query' && isWeakMatch(s.hits));
  // One character says too little to judge a match by (and is where every query starts).
  const showWeak = weak && hitCount > 0 && query.trim().length >= 2;
  const registerAsNew = onRegisterAsNew ? () => onRegisterAsNew(query) : null;
  const linked = useTicketDraftStore((s) => s.linkedArticleIds);
  useKnowledgeSearch(query);

  useEffect(() => {
    if (focusRequest > 0) input.current?.focus({ cursor: 'all' });
  }, [focusRequest]);

  return (
    <div className="knowledge-pane" data-testid="knowledge-pane">
      <div className="knowledge-search-row">
        <InputSearch
          ref={input}
          allowClear
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
          onKeyDown={(event) => {
            const { moved, hits, selected } = useKnowledgeStore.getState();
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              moved(event.key === 'ArrowDown' ? 1 : -1);
            } else if (event.key === 'Enter' && event.shiftKey && showWeak) {
              event.preventDefault();
              useKnowledgeStore.getState().widenRequested();
            } else if (event.key === 'Enter' && event.altKey && (showWeak || hitCount === 0) && query.trim() && registerAsNew) {
              event.preventDefault();
              registerAsNew();
            } else if (event.key === 'Enter' && !event.ctrlKey && !event.altKey) {
              event.preventDefault();
              const id = hits[selected]?.id;
              if (id) toggleArticle(id);
            }
          }}
          onSearch={() => undefined}
          placeholder={t('knowledge:searchPlaceholder')}
          data-testid="knowledge-search"
        />
        {canDetach && (
          <Hint title={detached ? t('common:pane.dock') : t('knowledge:detach')}>
            <Button
              icon={detached ? <ImportOutlined /> : <ExportOutlined />}
              onClick={() => void desk.setKnowledgePaneDetached({ detached: !detached })}
              aria-label={detached ? t('common:pane.dock') : t('knowledge:detach')}
            />
          </Hint>
        )}
      </div>
      {linked.length > 0 && (
        <div className="kb-linked" data-testid="kb-linked">
          {t('knowledge:linked')} {linked.map((id) => <Tag key={id}>{id}</Tag>)}
        </div>
      )}
      <SemanticModelLine />
      {showWeak && <WeakMatchNotice onWiden={useKnowledgeStore.getState().widenRequested} onRegisterAsNew={registerAsNew} />}
      {hitCount === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={query.trim() ? t('knowledge:noHits') : t('knowledge:empty')}>
          {query.trim() && registerAsNew && (
            <Button size="small" type="primary" onClick={registerAsNew} data-testid="kb-register-new">
              {t('knowledge:weak.registerNew')}
            </Button>
          )}
        </Empty>
      ) : (
        <KnowledgeResults />
      )}
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
