import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/result';
import { errorCodeKeys } from '../i18n/error-keys';

/** The operator-facing sentence for a DeskApi error: the code in words, then which fields were wrong. */
export function useDeskErrorText(): (error: DeskError) => string {
  const { t } = useTranslation();
  return (error) => {
    const fields = error.issues?.map((issue) => issue.path || '—').join('、');
    return fields ? `${t(errorCodeKeys[error.code])}（${fields}）` : t(errorCodeKeys[error.code]);
  };
}
