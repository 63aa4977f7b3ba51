import { useTranslation } from 'react-i18next';
import { semanticProblemKeys } from '../../i18n/knowledge/keys';
import { useSemanticModelStore } from './semantic-model-store';

/** The semantic model's state in words, with a progress bar while the article vectors are computed. */
export function SemanticModelState(): React.JSX.Element {
  const { t } = useTranslation();
  const status = useSemanticModelStore((s) => s.status);
  switch (status.state) {
    case 'off':
      return <span data-state="off">{t('knowledge:semantic.states.off')}</span>;
    case 'loading':
      return <span data-state="loading">{t('knowledge:semantic.states.loading')}</span>;
    case 'indexing':
      return (
        <span data-state="indexing" className="kb-semantic-progress">
          {t('knowledge:semantic.states.indexing', { done: status.done.toLocaleString(), total: status.total.toLocaleString() })}
          <progress max={Math.max(1, status.total)} value={status.done} aria-label={t('knowledge:semantic.title')} />
        </span>
      );
    case 'ready':
      return <span data-state="ready">{t('knowledge:semantic.states.ready', { articles: status.articles.toLocaleString(), dimensions: status.dimensions })}</span>;
    case 'failed':
      return (
        <span data-state="failed" role="alert">
          {t('knowledge:semantic.states.failed', { reason: t(semanticProblemKeys[status.problem]) })}
        </span>
      );
  }
}
