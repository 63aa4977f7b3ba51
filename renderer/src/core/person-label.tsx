import { useTranslation } from 'react-i18next';

/**
 * A person as the hub names them: the name, which is the centre's own data (in Chinese whatever the UI's
 * language, marked so for screen readers and the layout checks), then details (role, account, team) in brackets
 * of the UI's language: full-width in Chinese, plain in English.
 */
export function PersonLabel({ name, details }: { name: string; details: React.ReactNode[] }): React.JSX.Element {
  const { t } = useTranslation();
  const shown = details.filter((d) => d !== null && d !== undefined && d !== '');
  return (
    <>
      <span lang="zh-CN">{name}</span>
      {shown.length > 0 && (
        <>
          {t('common:person.open')}
          {shown.flatMap((d, i) => (i === 0 ? [d] : [' · ', d]))}
          {t('common:person.close')}
        </>
      )}
    </>
  );
}

/** A team's name: the centre's own data. */
export function TeamName({ team }: { team: string | null | undefined }): React.JSX.Element | null {
  return team ? <span lang="zh-CN">{team}</span> : null;
}
