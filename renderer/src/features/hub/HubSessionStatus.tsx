import { LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHubStore } from '../../core/hub-store';
import { roleKeys } from '../../i18n/hub/keys';
import { PersonLabel, TeamName } from '../../core/person-label';
import { Hint } from '../../core/Hint';

/** In the status bar: who is signed in at the hub (name, role, team), with sign-in (Alt+L) or sign-out (Alt+Q) beside it. */
export function HubSessionStatus(): React.JSX.Element {
  const { t } = useTranslation();
  const session = useHubStore((s) => s.session);
  const opened = useHubStore((s) => s.dialogOpened);
  const who = session ? <PersonLabel name={session.displayName} details={[t(roleKeys[session.role]), <TeamName key="team" team={session.team} />]} /> : t('hub:signedOut');
  return (
    <span data-testid="hub-session" data-state={session ? 'signed_in' : 'signed_out'}>
      {t('hub:account')}:{' '}
      <Hint title={session ? session.username : undefined}>
        <Badge status={session ? 'success' : 'default'} text={who} />
      </Hint>
      <Hint title={session ? t('hub:signOutHint') : t('hub:signInHint')}>
        <Button
          type="link"
          size="small"
          icon={session ? <LogoutOutlined /> : <LoginOutlined />}
          onClick={() => {
            opened(session ? 'signOut' : 'signIn');
          }}
          data-testid={session ? 'hub-sign-out' : 'hub-sign-in'}
        >
          {session ? t('hub:signOut') : t('hub:signIn')}
        </Button>
      </Hint>
    </span>
  );
}
