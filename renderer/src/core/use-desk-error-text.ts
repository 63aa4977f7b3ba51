import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/result';
import { deskErrorText } from '../i18n/error-text';

/** The operator-facing sentence for a DeskApi error, in the UI's language: the code (or its reason) in words, then which fields were wrong. */
export function useDeskErrorText(): (error: DeskError) => string {
  const { t } = useTranslation();
  return (error) => deskErrorText(t, error);
}
