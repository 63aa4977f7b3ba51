import type { HubError } from '../../../shared/hub/errors';
import type { LiveMessage } from '../../../shared/hub/presence';
import type { ListenLink, Sql } from '../db/sql';
import { PRESENCE_CHANNEL } from './presence';
import { readAlerts } from '../alerts/alert-reads';
import { ALERT_CHANNEL } from '../alerts/early-warning';
import { SESSIONS_CHANNEL } from '../auth/sessions';
import type { TokenClaims } from '../auth/tokens';

/** What the feed needs of a socket (a `ws` WebSocket). */
export interface LiveSocket {
  readonly bufferedAmount: number;
  /** `ws`'s readyState: OPEN (1) while the socket can carry frames. */
  readonly readyState: number;
  send(text: string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: 'close', listener: () => void): unknown;
}

/** `ws`'s WebSocket.OPEN. */
const SOCKET_OPEN = 1;

/**
 * This process's supervisors' sockets. Each hub process LISTENs on the
 * presence channel once and forwards every change to its own sockets, so a
 * desk reporting to one process reaches supervisors connected to any other.
 * The message is serialised once per change, not once per socket.
 */
export class LiveFeed {
  private readonly sockets = new Set<LiveSocket>();
  /** Whose session each socket serves: a revoked session or a disabled account closes its sockets at once. */
  private readonly sessions = new Map<LiveSocket, Pick<TokenClaims, 'sid' | 'sub' | 'exp'>>();
  private expiryTimer: ReturnType<typeof setInterval> | null = null;
  private readonly unlisten: (() => Promise<void>)[] = [];

  /** Channels whose LISTEN connection is down; while any is, the feed is stale from `staleSince`. */
  private readonly lostChannels = new Set<string>();
  private staleSince: string | null = null;
  private stopped = false;

  /**
   * `snapshot` reads every seat afresh: sent to every socket when the feed is whole again after its database
   * connection came back, since the changes announced meanwhile were never heard.
   */
  async start(sql: Sql, snapshot: () => Promise<LiveMessage> = () => Promise.resolve({ type: 'snapshot', seats: [] })): Promise<void> {
    const link = (channel: string) => (state: ListenLink) => {
      this.linkChanged(channel, state, snapshot);
    };
    this.unlisten.push(
      await sql.listen(
        PRESENCE_CHANNEL,
        (payload) => {
          this.broadcast(`{"type":"seat","seat":${payload}}`);
        },
        link(PRESENCE_CHANNEL),
      ),
      // Alerts are announced by id (NOTIFY payloads are small); each process reads them once and fans them out.
      await sql.listen(
        ALERT_CHANNEL,
        (payload) => {
          this.alertsChanged(sql, payload);
        },
        link(ALERT_CHANNEL),
      ),
      // Sign-out and disabling on any process (`sid:…`, `user:…`); missed ones are caught by the round below.
      await sql.listen(SESSIONS_CHANNEL, (payload) => {
        this.closeWhere((session) => payload === `sid:${session.sid}` || payload === `user:${session.sub}`);
      }),
    );
    // A socket outlives no token: when its token expires it closes, and the desk reconnects with its refreshed one.
    // The same round asks the database which sockets' sessions ended (a notification missed while the listening
    // connection was down, an account disabled by hand): the NOTIFY is the fast path, this the safety net.
    this.expiryTimer = setInterval(() => {
      const nowS = Date.now() / 1000;
      this.closeWhere((session) => session.exp <= nowS);
      void this.closeEndedSessions(sql);
    }, 5_000);
    this.expiryTimer.unref();
  }

  /**
   * The boards are told at once that they may be missing changes, and when every channel is back they get a
   * fresh snapshot first, then the end of the gap. A snapshot that cannot be read yet (the database is still
   * starting) is tried again on the next round rather than declaring the feed whole.
   */
  private linkChanged(channel: string, state: ListenLink, snapshot: () => Promise<LiveMessage>): void {
    if (state === 'lost') {
      this.lostChannels.add(channel);
      if (this.staleSince) return;
      this.staleSince = new Date().toISOString();
      this.broadcast(JSON.stringify({ type: 'feed', stale: true, since: this.staleSince }));
      return;
    }
    this.lostChannels.delete(channel);
    if (this.lostChannels.size || !this.staleSince) return;
    void this.resume(snapshot);
  }

  private async resume(snapshot: () => Promise<LiveMessage>, attempt = 1): Promise<void> {
    const since = this.staleSince;
    if (!since || this.lostChannels.size || this.stopped) return;
    let fresh: LiveMessage;
    try {
      fresh = await snapshot();
    } catch {
      setTimeout(() => void this.resume(snapshot, attempt + 1), Math.min(250 * attempt, 2_000)).unref();
      return;
    }
    if (this.staleSince !== since || this.lostChannels.size) return;
    this.staleSince = null;
    this.broadcast(JSON.stringify(fresh));
    this.broadcast(JSON.stringify({ type: 'feed', stale: false, since, until: new Date().toISOString() }));
  }

  private async closeEndedSessions(sql: Sql): Promise<void> {
    const sids = [...new Set([...this.sessions.values()].map((session) => session.sid))];
    if (!sids.length) return;
    try {
      const ended = await sql.query<{ id: string }>(
        `SELECT s.id FROM sessions s JOIN accounts a ON a.username = s.username
          WHERE s.id = ANY($1) AND (s.revoked_at IS NOT NULL OR a.disabled OR s.ends_at <= now())`,
        [sids],
      );
      const endedIds = new Set(ended.map((row) => row.id));
      if (endedIds.size) this.closeWhere((session) => endedIds.has(session.sid));
    } catch {
      // The database is away: the next round asks again.
    }
  }

  private closeWhere(ended: (session: Pick<TokenClaims, 'sid' | 'sub' | 'exp'>) => boolean): void {
    for (const [socket, session] of this.sessions) {
      if (!ended(session)) continue;
      this.sessions.delete(socket);
      this.sockets.delete(socket);
      socket.send(JSON.stringify({ error: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED', message: 'session ended' } satisfies HubError));
      socket.close(4001, 'UNAUTHENTICATED');
    }
  }

  private readonly changedAlerts = new Set<number>();
  private readingAlerts = false;

  /**
   * Alerts that changed while a read is under way are read together next, so a
   * flood of growing alerts (a backlog of pushes after an outage) costs a few
   * reads, not one per notification. Nobody watching: nothing is read.
   */
  private alertsChanged(sql: Sql, payload: string): void {
    if (!this.sockets.size) return;
    for (const id of payload.split(',')) if (/^\d+$/.test(id)) this.changedAlerts.add(Number(id));
    if (this.readingAlerts) return;
    this.readingAlerts = true;
    void (async () => {
      while (this.changedAlerts.size) {
        const ids = [...this.changedAlerts];
        this.changedAlerts.clear();
        const alerts = await readAlerts(sql, ids).catch(() => []);
        for (const alert of alerts) this.broadcast(JSON.stringify({ type: 'alert', alert }));
      }
      this.readingAlerts = false;
    })();
  }

  /**
   * Takes a socket whose session was checked. One that closed meanwhile (the supervisor's network dropped while
   * the token was checked and the seats read) has had its 'close' already: kept, it would stay here for good.
   */
  add(socket: LiveSocket, snapshot: LiveMessage, session: Pick<TokenClaims, 'sid' | 'sub' | 'exp'>): void {
    if (socket.readyState !== SOCKET_OPEN) return;
    this.sockets.add(socket);
    this.sessions.set(socket, session);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.sessions.delete(socket);
    });
    socket.send(JSON.stringify(snapshot));
    if (this.staleSince) socket.send(JSON.stringify({ type: 'feed', stale: true, since: this.staleSince }));
  }

  get size(): number {
    return this.sockets.size;
  }

  private broadcast(text: string): void {
    for (const socket of this.sockets) {
      // A slow supervisor screen must not hold the others back: drop it when its buffer grows beyond reason.
      if (socket.bufferedAmount > 8 * 1024 * 1024) socket.terminate();
      else socket.send(text);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.expiryTimer) clearInterval(this.expiryTimer);
    for (const socket of this.sockets) socket.close(1001, 'hub stopping');
    this.sockets.clear();
    this.sessions.clear();
    await Promise.all(this.unlisten.splice(0).map((stop) => stop()));
  }
}
