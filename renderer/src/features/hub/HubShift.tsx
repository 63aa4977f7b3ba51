import { Alert, Button } from 'antd';
import dayjs from 'dayjs';
import { lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../desk/desk';
import { useTicketSessionStore } from '../../core/ticket-session-store';
import { OpenedOnce } from '../../core/opened-once';
import { useHubStore } from '../../core/hub-store';

// Each dialog's code is fetched the first time it opens.
const HubSignInDialog = lazy(() => import('./HubSignInDialog').then((m) => ({ default: m.HubSignInDialog })));
const HubSignOutDialog = lazy(() => import('./HubSignOutDialog').then((m) => ({ default: m.HubSignOutDialog })));
const ShiftSummaryDialog = lazy(() => import('./ShiftSummaryDialog').then((m) => ({ default: m.ShiftSummaryDialog })));
const ExistingTicketsDialog = lazy(() => import('./ExistingTicketsDialog').then((m) => ({ default: m.ExistingTicketsDialog })));

/**
 * The operator's link to the centre's hub on the workbench: follows the
 * session and the tickets the hub sends back, shows the handover note left
 * by the previous operator (交接班), and holds the sign-in and sign-out dialogs
 * and the shift summary.
 */
export function HubShift(): React.JSX.Element {
  useHubEvents();
  const dialog = useHubStore((s) => s.dialog);
  return (
    <>
      <HandoverNoteBanner />
      <OpenedOnce open={dialog === 'signIn'}>
        <HubSignInDialog />
      </OpenedOnce>
      <OpenedOnce open={dialog === 'signOut'}>
        <HubSignOutDialog />
      </OpenedOnce>
      <OpenedOnce open={dialog === 'summary'}>
        <ShiftSummaryDialog />
      </OpenedOnce>
      <OpenedOnce open={dialog === 'existing'}>
        <ExistingTicketsDialog />
      </OpenedOnce>
    </>
  );
}


function useHubEvents(): void {
  const { load, sessionChanged, reloadTickets } = useHubStore.getState();
  const callbacks = useTicketSessionStore((s) => s.callbacksRecorded);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void reloadTickets();
  }, [reloadTickets, callbacks]);
  useEffect(
    () =>
      desk.on('hubSessionChanged', (session) => {
        void sessionChanged(session);
      }),
    [sessionChanged],
  );
  useEffect(
    () =>
      desk.on('hubTicketsChanged', () => {
        void reloadTickets();
      }),
    [reloadTickets],
  );
}

/** The previous operator's note (who, when, what) across the top, until this operator dismisses it. */
function HandoverNoteBanner(): React.JSX.Element | null {
  const { t } = useTranslation();
  const note = useHubStore((s) => s.note);
  const dismissed = useHubStore((s) => s.noteDismissed);
  if (!note) return null;
  return (
    <Alert
      type="info"
      showIcon
      banner
      data-testid="handover-note"
      title={
        <>
          <strong>{t('hub:handover.title')}</strong> · {t('hub:handover.from', { from: note.from, time: dayjs(note.at).format('YYYY-MM-DD HH:mm') })}
        </>
      }
      description={<p className="handover-text">{note.text}</p>}
      action={
        <Button size="small" onClick={dismissed} data-testid="handover-dismiss">
          {t('hub:handover.dismiss')}
        </Button>
      }
    />
  );
}
