import { desk } from '../../desk/desk';
import { usePhoneStore } from './phone-store';
import { presenceReportOf } from './presence-report';

/** Repeats the state now and then, so a hub that restarted or a session that just began has it. */
const HEARTBEAT_MS = 60_000;

/**
 * Sends the seat's state to the services (which pass it to the hub when an
 * operator is signed in) whenever it changes, and once a minute. Best effort:
 * the board is live, not a record.
 */
export function startPresenceReporter(): () => void {
  const send = (): void => {
    const { agent, calls, settings, helpRequested } = usePhoneStore.getState();
    void desk.reportPresence(presenceReportOf(agent, Object.values(calls), { extension: settings?.extension ?? null, helpRequested }));
  };
  const unsubscribe = usePhoneStore.subscribe((state, previous) => {
    if (state.agent !== previous.agent || state.helpRequested !== previous.helpRequested || state.settings?.extension !== previous.settings?.extension) send();
  });
  // An operator who just signed in is on the board at once, not at the next heartbeat.
  const offSession = desk.on('hubSessionChanged', (session) => {
    if (session) send();
  });
  const timer = setInterval(send, HEARTBEAT_MS);
  send();
  return () => {
    unsubscribe();
    offSession();
    clearInterval(timer);
  };
}
