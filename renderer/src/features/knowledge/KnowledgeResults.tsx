import { Button, Space, Tag } from 'antd';
import { Text } from '../../core/Text';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../../shared/kb/article';
import type { kbVerdicts } from '../../../../shared/kb/search';
import { desk } from '../../desk/desk';
import { Highlighted } from './Highlighted';
import { useKnowledgeStore } from './knowledge-store';
import { reportArticleUse, toggleArticle } from './article-use';
import { feedbackKeys } from '../../i18n/knowledge/keys';
import { useNotices } from '../../core/notices';

/** The ranked articles: title, place, status and the first lines of the answer; the picked one opens in full. */
export function KnowledgeResults(): React.JSX.Element | null {
  const { t } = useTranslation();
  const hits = useKnowledgeStore((s) => s.hits);
  const source = useKnowledgeStore((s) => s.source);
  const selected = useKnowledgeStore((s) => s.selected);
  const openId = useKnowledgeStore((s) => s.openId);
  const { chosen } = useKnowledgeStore.getState();
  if (hits.length === 0) return null;

  return (
    <div className="kb-results" data-testid="kb-results">
      {source === 'suggestion' && <Text type="secondary">{t('knowledge:suggested')}</Text>}
      <ol role="listbox" aria-label={t('common:pane.knowledge')}>
        {hits.map((hit, index) => (
          <li
            key={hit.id}
            role="option"
            aria-selected={index === selected}
            className={`kb-hit${index === selected ? ' kb-hit-selected' : ''}${hit.status === '已失效' ? ' kb-hit-expired' : ''}`}
            data-testid="kb-hit"
            data-article-id={hit.id}
            onClick={() => {
              chosen(index);
              toggleArticle(hit.id);
            }}
          >
            <div className="kb-hit-title">
              {/* Articles are the centre's own content, in Chinese whatever the UI's language: marked as such. */}
              <span lang="zh-CN">
                <Highlighted text={hit.title} words={hit.matched} />
              </span>
              {hit.scope !== '全市' && (
                <Tag color="blue" lang="zh-CN">
                  {hit.scope}
                </Tag>
              )}
              {hit.status === '已失效' && <Tag data-testid="kb-expired">{t('knowledge:expired')}</Tag>}
              {hit.learned && <Tag color="purple">{t('knowledge:learned')}</Tag>}
              {/* Found by meaning alone: no typed word to highlight, so the tag is the reason. */}
              {hit.semantic !== undefined && hit.matched.length === 0 && (
                <Tag color="cyan" title={t('knowledge:semantic.tagTip', { similarity: hit.semantic.toFixed(2) })} data-testid="kb-semantic">
                  {t('knowledge:semantic.tag')}
                </Tag>
              )}
            </div>
            {hit.phrasing && (
              <div className="kb-hit-meta">
                {t('knowledge:phrasing', { phrasing: '' })}
                <span lang="zh-CN">{hit.phrasing}</span>
              </div>
            )}
            <div className="kb-hit-meta">
              <span lang="zh-CN">
                {hit.category.join(' / ')} · {hit.department}
              </span>{' '}
              · {t('knowledge:updated', { date: hit.updatedAt })}
            </div>
            <div lang="zh-CN">{openId === hit.id ? <ArticleBody id={hit.id} words={hit.matched} /> : <div className="kb-hit-preview">{hit.preview}</div>}</div>
          </li>
        ))}
      </ol>
    </div>
  );
}

function ArticleBody({ id, words }: { id: string; words: readonly string[] }): React.JSX.Element {
  const [article, setArticle] = useState<Article | null>(null);
  useEffect(() => {
    let live = true;
    void desk.kbGetArticle({ id }).then((result) => {
      if (live && result.ok) setArticle(result.value);
    });
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <div className="kb-article-body" data-testid="kb-article-body">
      {article?.body.split('\n').map((line, i) => (
        <p key={i}>
          <Highlighted text={line} words={words} />
        </p>
      ))}
      <ArticleFeedback id={id} />
    </div>
  );
}

/** 有用 / 已过时 / 有误: goes to the KB editors through the hub. */
function ArticleFeedback({ id }: { id: string }): React.JSX.Element {
  const { t } = useTranslation();
  const message = useNotices();
  const [sent, setSent] = useState<(typeof kbVerdicts)[number] | null>(null);
  const send = (verdict: (typeof kbVerdicts)[number]): void => {
    void desk.kbFeedback({ articleId: id, verdict, comment: '' }).then((result) => {
      if (result.ok) {
        setSent(verdict);
        if (verdict === 'helpful') reportArticleUse(id, 'helpful');
        message.success(t('knowledge:feedback.thanks'));
      }
    });
  };
  return (
    <Space size="small" onClick={(event) => { event.stopPropagation(); }} data-testid="kb-feedback">
      {(['helpful', 'outdated', 'wrong'] as const).map((verdict) => (
        <Button key={verdict} size="small" autoInsertSpace={false} type={sent === verdict ? 'primary' : 'default'} disabled={sent !== null} onClick={() => { send(verdict); }}>
          {t(feedbackKeys[verdict])}
        </Button>
      ))}
    </Space>
  );
}
