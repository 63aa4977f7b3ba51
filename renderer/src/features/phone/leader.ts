const LOCK_NAME = 'hotline-desk-phone';

/**
 * One desk, one phone: of all tabs and windows of the workbench on this
 * machine, only the one holding the Web Lock registers the SIP account and
 * opens the microphone. The lock is released when that tab closes or crashes,
 * and the next waiting tab takes over by itself.
 */
export function holdPhoneLeadership(onLeader: () => void): void {
  if (!('locks' in navigator)) {
    onLeader();
    return;
  }
  void navigator.locks.request(LOCK_NAME, () => {
    onLeader();
    // Hold the lock for the life of this page.
    return new Promise<never>(() => undefined);
  });
}
