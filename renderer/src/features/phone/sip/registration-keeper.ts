import type { Invitation, Web } from 'sip.js';
import { Registerer, UserAgent, UserAgentState } from 'sip.js';
import type { SipCredentials } from '../../../../../shared/phone/phone-settings';
import { backoffDelayMs, FAILED_AFTER_ATTEMPTS, KEEPALIVE_TIMEOUT_MS, keepAliveIntervalMs } from '../../../../../shared/phone/reconnect-policy';
import type { RegistrationFailure, RegistrationStatus } from '../../../../../shared/phone/registration-status';
import { isPermanentFailure, registerResponseFailure } from '../../../../../shared/phone/registration-status';
import { userAgentOptions } from './user-agent-options';

export interface KeeperEvents {
  status(status: RegistrationStatus, failure: RegistrationFailure | null): void;
  /** The transport came back after a loss: live calls should re-INVITE with an ICE restart. */
  transportRestored(): void;
  invite(invitation: Invitation): void;
}

/**
 * Keeps the seat registered for a whole shift. The status says 已注册 only
 * after a REGISTER was answered 200 on the current connection; any loss
 * (socket closed, keep-alive unanswered, network or resume event) turns it to
 * 正在重连 at once and retries with backoff and jitter; wrong credentials
 * stop at 注册失败 until the settings change.
 */
export class RegistrationKeeper {
  readonly ua: UserAgent;
  private registerer: Registerer;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private keepAliveTimer: ReturnType<typeof setInterval> | undefined;
  private registering = false;
  private lostOnce = false;
  private stopped = false;
  private current: RegistrationStatus = 'registering';
  /** When a REGISTER was last answered 200 (epoch ms). */
  private provenAt = 0;
  private readonly removeListeners: (() => void)[] = [];

  constructor(
    private readonly credentials: SipCredentials,
    private readonly events: KeeperEvents,
    mediaStreamFactory?: Web.MediaStreamFactory,
  ) {
    this.ua = new UserAgent(
      userAgentOptions(credentials, {
        onConnect: () => {
          void this.register();
        },
        onDisconnect: () => {
          this.connectionLost('unreachable');
        },
        onInvite: (invitation) => {
          events.invite(invitation);
        },
      }, mediaStreamFactory),
    );
    this.registerer = this.newRegisterer();
  }

  get status(): RegistrationStatus {
    return this.current;
  }

  async start(): Promise<void> {
    this.listen(window, 'online', () => {
      this.checkNow();
    });
    // Waking up and focus changes are frequent; a registration proven in the last 10 s needs no new proof.
    const checkIfStale = (): void => {
      if (Date.now() - this.provenAt > 10_000) this.checkNow();
    };
    this.listen(window, 'offline', () => {
      this.connectionLost('unreachable');
    });
    // Coming back from sleep or from a hidden window: prove the registration at once instead of waiting for the timer.
    this.listen(document, 'visibilitychange', () => {
      if (document.visibilityState === 'visible') checkIfStale();
    });
    this.listen(window, 'focus', checkIfStale);
    this.setStatus('registering', null);
    await this.connect();
  }

  /** Re-checks now: after `online`, resume or focus, and from the self-check. */
  checkNow(): void {
    if (this.stopped) return;
    if (this.ua.isConnected() && this.current === 'registered') {
      void this.keepAlive();
      return;
    }
    if (this.retryTimer !== undefined && this.current !== 'failed') {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      void this.connect();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.keepAliveTimer);
    for (const remove of this.removeListeners) remove();
    this.setStatus('stopped', null);
    try {
      if (this.ua.isConnected()) await this.registerer.unregister().catch(() => undefined);
      await this.ua.stop();
    } catch {
      // Stopping is best effort: the PBX drops the binding at expiry anyway.
    }
  }

  private listen(target: EventTarget, type: string, handler: () => void): void {
    target.addEventListener(type, handler);
    this.removeListeners.push(() => {
      target.removeEventListener(type, handler);
    });
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      if (this.ua.state === UserAgentState.Started) await this.ua.reconnect();
      else await this.ua.start();
    } catch {
      this.retryLater('unreachable');
    }
  }

  private async register(): Promise<void> {
    if (this.stopped) return;
    if (this.registering || this.registererBusy()) {
      // A REGISTER sent on a socket that has since died only times out after 32 s (and blocks the registerer
      // until then); start over with a fresh registerer.
      this.abandonRegisterer();
    }
    this.registering = true;
    const settle = (failure: RegistrationFailure | null): void => {
      this.registering = false;
      if (failure === null) this.registered();
      else if (isPermanentFailure(failure)) this.failPermanently(failure);
      else this.retryLater(failure);
    };
    try {
      await this.registerer.register({
        requestDelegate: {
          onAccept: () => {
            settle(null);
          },
          onReject: (response) => {
            settle(registerResponseFailure(response.message.statusCode ?? 500));
          },
        },
      });
    } catch {
      settle('unreachable');
    }
  }

  private registered(): void {
    this.provenAt = Date.now();
    this.attempt = 0;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const wasLost = this.lostOnce;
    this.lostOnce = false;
    this.setStatus('registered', null);
    this.startKeepAlive();
    if (wasLost) this.events.transportRestored();
  }

  private startKeepAlive(): void {
    clearInterval(this.keepAliveTimer);
    const { keepAliveSeconds, registerExpiresSeconds } = this.credentials.settings;
    this.keepAliveTimer = setInterval(() => {
      void this.keepAlive();
    }, keepAliveIntervalMs(keepAliveSeconds, registerExpiresSeconds));
  }

  /** A re-REGISTER that must be answered in time; silence means the path is dead even if the socket looks open. */
  private async keepAlive(): Promise<void> {
    if (this.registering || this.stopped) return;
    this.registering = true;
    const timer = setTimeout(() => {
      this.registering = false;
      this.connectionLost('timeout');
      void this.ua.transport.disconnect().catch(() => undefined);
    }, KEEPALIVE_TIMEOUT_MS);
    const done = (failure: RegistrationFailure | null): void => {
      clearTimeout(timer);
      this.registering = false;
      if (failure === null) {
        this.provenAt = Date.now();
        return;
      }
      if (isPermanentFailure(failure)) this.failPermanently(failure);
      else this.connectionLost(failure);
    };
    try {
      await this.registerer.register({
        requestDelegate: {
          onAccept: () => {
            done(null);
          },
          onReject: (response) => {
            done(registerResponseFailure(response.message.statusCode ?? 500));
          },
        },
      });
    } catch {
      done('unreachable');
    }
  }

  private connectionLost(failure: RegistrationFailure): void {
    if (this.stopped || (this.current === 'failed' && this.attempt === 0)) return;
    clearInterval(this.keepAliveTimer);
    this.lostOnce = true;
    if (this.retryTimer === undefined) this.retryLater(failure);
  }

  private retryLater(failure: RegistrationFailure): void {
    if (this.stopped) return;
    this.attempt += 1;
    this.setStatus(this.attempt >= FAILED_AFTER_ATTEMPTS ? 'failed' : 'reconnecting', failure);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.ua.isConnected()) void this.register();
      else void this.connect();
    }, backoffDelayMs(this.attempt));
  }

  private failPermanently(failure: RegistrationFailure): void {
    clearInterval(this.keepAliveTimer);
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.attempt = 0;
    this.setStatus('failed', failure);
  }

  private newRegisterer(): Registerer {
    return new Registerer(this.ua, { expires: this.credentials.settings.registerExpiresSeconds });
  }

  /** Whether the registerer still waits for the answer to an earlier REGISTER (sip.js keeps this private). */
  private registererBusy(): boolean {
    return Reflect.get(this.registerer, 'waiting') === true;
  }

  private abandonRegisterer(): void {
    // sip.js has no public way to drop a registerer without un-REGISTERing; stop its refresh timer and forget it.
    const clearTimers: unknown = Reflect.get(this.registerer, 'clearTimers');
    if (typeof clearTimers === 'function') clearTimers.call(this.registerer);
    this.registerer = this.newRegisterer();
  }

  private setStatus(status: RegistrationStatus, failure: RegistrationFailure | null): void {
    this.current = status;
    this.events.status(status, failure);
  }
}
