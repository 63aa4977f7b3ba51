import type { Account } from '../../../shared/hub/auth';
import type { HubResponse, HubRouteName } from '../../../shared/hub/hub-api';
import type { DeskSession } from '../../../shared/hub/desk-session';
import type { PresenceReport } from '../../../shared/hub/presence';
import type { DeskErrorCode, DeskErrorReason } from '../../../shared/result';
import type { DeskErrorDetails, FieldIssue } from '../../../shared/result';
import { DeskFailure, isDeskErrorReason } from '../../../shared/result';
import type { ValidationCode } from '../../../shared/validation';
import { isValidationCode } from '../../../shared/validation';
import type { CallArguments } from '../sync/hub-http';
import { HubHttp, HubRequestError } from '../sync/hub-http';
import type { HubSyncPortOptions } from '../sync/hub-sync-port';
import { HubSyncPort } from '../sync/hub-sync-port';
import type { DeskSync } from '../sync/desk-sync';
import { SyncEngine, SyncError } from '../sync/sync-engine';
import type { LiveMessage, Seat } from '../../../shared/hub/presence';
import type { Alert } from '../../../shared/hub/alerts';
import { LiveSeats } from './live-seats';
import type { DeskCredential } from '../../../shared/hub/desks';
import { enrolmentCodeSchema } from '../../../shared/hub/desks';
import { insecureTransportRefusal } from '../../../shared/transport';
import type { DeskCredentials } from './desk-credentials';

/** When the token runs out by this machine's clock: the hub's lifetime counted from when the request was sent. */
const localExpiry = (sentAtMs: number, expiresInS: number): string => new Date(sentAtMs + expiresInS * 1000).toISOString();

/** 80 % of the token's life, at least 10 s. */
export const refreshDelayMs = (expiresInS: number): number => Math.max(10_000, expiresInS * 1000 * 0.8);

/** Asks the dialog for the enrolment code, with the reason as a code at the field. */
const notEnrolled = (code: ValidationCode, message: string, retryAfterS?: number): DeskFailure =>
  new DeskFailure('INVALID_INPUT', message, [
    { path: 'enrolmentCode', message, code, ...(retryAfterS !== undefined ? { params: { minutes: Math.ceil(retryAfterS / 60) } } : {}) },
  ]);

/** The hub's reason (or, failing that, its code) when the desk has wording for it. */
function reasonOf(error: HubRequestError): DeskErrorReason | undefined {
  if (isDeskErrorReason(error.hubReason)) return error.hubReason;
  if (error.hubCode === 'INTERNAL') return 'HUB_INTERNAL';
  return isDeskErrorReason(error.hubCode) ? error.hubCode : undefined;
}

/** The hub's field issues with the codes this desk words (a newer hub's code is left for the generic wording). */
function issuesOf(error: HubRequestError): FieldIssue[] | undefined {
  return error.details.issues?.map(({ path, message, code, params }) => ({ path, message, ...(isValidationCode(code) ? { code } : {}), ...(params ? { params } : {}) }));
}

/**
 * A failed hub exchange as the desk's own error: a code by the HTTP status
 * (never one of the desk's local transport's codes such as FORBIDDEN_SENDER)
 * with the hub's reason and facts (what it concerns, ids, limits, the wait) in
 * the details and its field issues by path. Not found, conflict and invalid
 * input keep the desk's generic codes (they mean the same); every other
 * refusal is HUB_REFUSED. The message is for logs only.
 */
export function asDeskFailure(error: unknown): unknown {
  if (error instanceof HubRequestError) {
    const reason = reasonOf(error);
    const { retryAfterS, subject, refs, limit } = error.details;
    const details: DeskErrorDetails = {
      ...(reason ? { reason } : {}),
      ...(retryAfterS !== undefined ? { retryAfterS } : {}),
      // Clipped to what the desk's wire carries (a hub's ids are far shorter).
      ...(subject !== undefined ? { subject: subject.slice(0, 200) } : {}),
      ...(refs !== undefined ? { refs: refs.slice(0, 20).map((ref) => ref.slice(0, 200)) } : {}),
      ...(limit !== undefined ? { limit } : {}),
    };
    const code: DeskErrorCode =
      error.status === 401 ? 'HUB_UNAUTHENTICATED'
      : error.status === 403 ? 'HUB_FORBIDDEN'
      : error.status === 404 ? 'NOT_FOUND'
      : error.status === 409 ? 'CONFLICT'
      : error.status === 400 ? 'INVALID_INPUT'
      : 'HUB_REFUSED';
    return new DeskFailure(code, error.message, issuesOf(error), details);
  }
  if (error instanceof SyncError) {
    const code: DeskErrorCode = error.code === 'AUTH_REQUIRED' ? 'HUB_UNAUTHENTICATED' : error.code === 'HUB_UNREACHABLE' ? 'HUB_UNREACHABLE' : 'HUB_REFUSED';
    return new DeskFailure(code, error.message, undefined, error.reason ? { reason: error.reason } : undefined);
  }
  return error;
}

export interface HubSessionOptions extends Omit<HubSyncPortOptions, 'http'> {
  sync: DeskSync;
  /** This desk's enrolment at its hub (the sealed desk credential). */
  credentials: DeskCredentials;
  /** The lab switch: plain http:// to a hub other than this machine is allowed only while it is on. */
  labInsecureTransport: () => boolean;
  /** The desk redeemed its code: the seat it is enrolled as. */
  onEnrolled?: (credential: DeskCredential) => void;
  pollIntervalMs?: number;
  onChange: (session: DeskSession | null) => void;
  /** For supervisors and admins: the hub's live seat feed. */
  onSeats?: (message: LiveMessage) => void;
  onAlert?: (alert: Alert) => void;
  onError?: (error: unknown) => void;
}

interface Current {
  token: string;
  account: Account;
  expiresAt: string;
  http: HubHttp;
  refreshTimer: ReturnType<typeof setTimeout>;
  seats: LiveSeats | null;
  /** Epoch ms of the sign-in: the start of this operator's shift summary. */
  signedInAt: number;
}

/**
 * The signed-in operator's link to the hub. Signing in starts the sync
 * engine under this session; signing out stops it and leaves the outbox as it
 * is: entries keep their author and go out under the next operator's session
 * (the hub accepts only authors who signed in at this desk, or the seat). The
 * token lives in memory only; the desk's credential is sealed (DeskCredentials).
 */
export class HubSession {
  private current: Current | null = null;

  constructor(private readonly options: HubSessionOptions) {}

  view(): DeskSession | null {
    const c = this.current;
    return c ? { username: c.account.username, displayName: c.account.displayName, role: c.account.role, team: c.account.team, expiresAt: c.expiresAt } : null;
  }

  account(): Account | null {
    return this.current?.account ?? null;
  }

  /** When this operator signed in on this desk (epoch ms), or null. */
  signedInAt(): number | null {
    return this.current?.signedInAt ?? null;
  }

  /**
   * Signs an operator in at this desk. The desk proves it is the enrolled one
   * with its own credential; a desk not yet enrolled at this hub needs the
   * admin's one-time code first (asked for at the `enrolmentCode` field).
   */
  async signIn(hubUrl: string, username: string, password: string, enrolmentCode?: string): Promise<DeskSession> {
    if (!hubUrl) throw new DeskFailure('HUB_NOT_CONFIGURED', 'no hub address set');
    const refusal = insecureTransportRefusal(hubUrl, this.options.labInsecureTransport(), 'hub');
    if (refusal) throw new DeskFailure('INVALID_INPUT', 'plain http:// to another machine is refused', [{ path: 'hubUrl', message: refusal, code: refusal }]);
    if (enrolmentCode) await this.enrol(hubUrl, enrolmentCode);
    // Without a credential the hub still checks the password first, then asks for the code (DESK_NOT_ENROLLED).
    const desk = this.options.credentials.read(hubUrl);
    const http = new HubHttp(hubUrl, () => null);
    const receivedAt = Date.now();
    let session;
    try {
      session = await http.call('login', {
        body: { username, password, deskId: this.options.deskId, ...(desk ? { deskCredential: desk.credential } : {}) },
      });
    } catch (error) {
      if (error instanceof HubRequestError && error.hubCode === 'DESK_NOT_ENROLLED') {
        if (desk) this.options.credentials.clear();
        this.options.sync.queued();
        throw notEnrolled('DESK_NOT_ENROLLED', error.message);
      }
      throw asDeskFailure(error);
    }
    await this.signOut();
    const authed = new HubHttp(hubUrl, () => this.current?.token ?? null);
    const watchesSeats = session.account.role === 'supervisor' || session.account.role === 'admin';
    const seats = watchesSeats
      ? new LiveSeats({
          http: authed,
          token: () => this.current?.token ?? null,
          onMessage: (message) => this.options.onSeats?.(message),
          onAlert: (alert) => this.options.onAlert?.(alert),
          ...(this.options.onError ? { onError: this.options.onError } : {}),
        })
      : null;
    this.current = {
      token: session.token,
      account: session.account,
      expiresAt: localExpiry(receivedAt, session.expiresInS),
      http: authed,
      refreshTimer: this.scheduleRefresh(session.expiresInS),
      seats,
      signedInAt: Date.now(),
    };
    seats?.start();
    const engine = new SyncEngine({
      port: new HubSyncPort({ ...this.options, http: authed }),
      pollIntervalMs: this.options.pollIntervalMs ?? 15_000,
      ...(this.options.onError ? { onError: this.options.onError } : {}),
    });
    this.options.sync.attach(engine);
    engine.start();
    this.options.onChange(this.view());
    const view = this.view();
    if (!view) throw new DeskFailure('INTERNAL', 'session vanished');
    return view;
  }

  /** Exchanges the admin's one-time code for this desk's credential at the hub, and keeps it sealed. */
  async enrol(hubUrl: string, code: string): Promise<DeskCredential> {
    const refusal = insecureTransportRefusal(hubUrl, this.options.labInsecureTransport(), 'hub');
    if (refusal) throw new DeskFailure('INVALID_INPUT', 'plain http:// to another machine is refused', [{ path: 'hubUrl', message: refusal, code: refusal }]);
    const parsedCode = enrolmentCodeSchema.safeParse(code);
    if (!parsedCode.success) throw notEnrolled('ENROLMENT_CODE_FORMAT', 'enrolment code is not 12 letters and digits');
    let credential;
    try {
      credential = await new HubHttp(hubUrl, () => null).call('redeemEnrolment', { body: { code: parsedCode.data, deskId: this.options.deskId } });
    } catch (error) {
      if (error instanceof HubRequestError && error.status === 429) throw notEnrolled('ENROLMENT_LOCKED', error.message, error.retryAfterS);
      if (error instanceof HubRequestError && error.status === 400) throw notEnrolled('ENROLMENT_CODE_FORMAT', error.message);
      if (error instanceof HubRequestError && error.status === 403) throw notEnrolled('ENROLMENT_CODE_REFUSED', error.message);
      throw asDeskFailure(error);
    }
    this.options.credentials.save(hubUrl, credential);
    this.options.onEnrolled?.(credential);
    this.options.sync.queued();
    return credential;
  }

  /**
   * Stops syncing under this session; nothing queued is touched. The hub is
   * asked to end the session too (its token stops working at once), without
   * waiting: signing out works offline, and the token then runs out by itself.
   */
  async signOut(): Promise<void> {
    const c = this.current;
    if (!c) return;
    c.http.call('logout').catch(() => undefined);
    clearTimeout(c.refreshTimer);
    c.seats?.stop();
    this.current = null;
    await this.options.sync.detach();
    this.options.onChange(null);
  }

  /**
   * An online-only call to the hub under this session (supervisor's review
   * queue, caller history from every desk). Failures become DeskFailures with
   * the hub's reason code, so the workbench can say why in its language.
   */
  async call<K extends HubRouteName>(route: K, ...request: CallArguments<K>): Promise<HubResponse<K>> {
    const c = this.current;
    if (!c) throw new DeskFailure('HUB_UNAUTHENTICATED', 'not signed in at the hub', undefined, { reason: 'NOT_SIGNED_IN' });
    try {
      return await c.http.call(route, ...request);
    } catch (error) {
      throw asDeskFailure(error);
    }
  }

  /** Best effort: the board is live, not a record; a lost report is replaced by the next one. */
  async reportPresence(report: PresenceReport): Promise<boolean> {
    const c = this.current;
    if (!c) return false;
    try {
      await c.http.call('reportPresence', { body: report });
      return true;
    } catch (error) {
      this.options.onError?.(error);
      return false;
    }
  }

  /** The seats as the live feed last reported them (empty unless a supervisor is signed in). */
  seats(): Seat[] {
    return this.current?.seats?.all() ?? [];
  }

  close(): void {
    this.current?.seats?.stop();
    if (this.current) clearTimeout(this.current.refreshTimer);
    this.current = null;
  }

  /**
   * Renews the token at 80 % of the life the hub gave it, counted on this
   * machine from the hub's answer (the two clocks are never compared); a
   * failed renewal retries in 30 s, and the engine reports AUTH_REQUIRED if it runs out.
   */
  private scheduleRefresh(expiresInS: number): ReturnType<typeof setTimeout> {
    return this.refreshIn(refreshDelayMs(expiresInS));
  }

  private refreshIn(delayMs: number): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      const c = this.current;
      if (!c) return;
      const askedAt = Date.now();
      c.http.call('refreshSession').then(
        (renewed) => {
          if (this.current !== c) return;
          c.token = renewed.token;
          c.expiresAt = localExpiry(askedAt, renewed.expiresInS);
          c.refreshTimer = this.scheduleRefresh(renewed.expiresInS);
          this.options.onChange(this.view());
        },
        (error: unknown) => {
          this.options.onError?.(error);
          if (this.current === c) c.refreshTimer = this.refreshIn(30_000);
        },
      );
    }, delayMs);
    timer.unref();
    return timer;
  }
}
