import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/result';

/** The operator-facing sentence for a DeskApi error: the code in words, then which fields were wrong. */
export function useDeskErrorText(): (error: DeskError) => string {
  const { t } = useTranslation();
  return (error) => {
    const fields = error.issues?.map((issue) => issue.path || '—').join('、');
    return fields ? `${t(`errors.${error.code}`)}（${fields}）` : t(`errors.${error.code}`);
  };
}
