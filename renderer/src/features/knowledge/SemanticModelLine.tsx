import { lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../desk/desk';
import { OpenedOnce } from '../../core/opened-once';
import { SemanticModelState } from './SemanticModelState';
import { useSemanticModelStore } from './semantic-model-store';

// The dialog's code is fetched the first time it opens (Alt+Shift+I or the line's button).
const SemanticModelDialog = lazy(() => import('./SemanticModelDialog'));

/**
 * The optional semantic model's state above the results, only while it says something the operator should
 * know: loading, computing article vectors (with progress; search stays lexical meanwhile), or refused and why.
 * Off and in use say nothing here (a hit found by meaning carries its own tag).
 */
export function SemanticModelLine(): React.JSX.Element {
  const { t } = useTranslation();
  const { load, statusChanged, dialogOpened } = useSemanticModelStore.getState();
  const state = useSemanticModelStore((s) => s.status.state);
  const dialogOpen = useSemanticModelStore((s) => s.dialogOpen);
  useEffect(() => {
    void load();
    return desk.on('kbSemanticStatusChanged', statusChanged);
  }, [load, statusChanged]);
  const shown = state === 'loading' || state === 'indexing' || state === 'failed';
  return (
    <>
      {shown && (
        <div className={`kb-semantic-line${state === 'failed' ? ' kb-semantic-failed' : ''}`} data-testid="kb-semantic-line">
          <SemanticModelState />
          <button type="button" className="kb-semantic-settings" onClick={() => dialogOpened(true)} aria-keyshortcuts="Alt+Shift+I">
            {t('knowledge:semantic.settings')}
          </button>
        </div>
      )}
      <OpenedOnce open={dialogOpen}>
        <SemanticModelDialog />
      </OpenedOnce>
    </>
  );
}
