import type { LiveMessage } from '../../../shared/hub/presence';
import type { Sql } from '../db/sql';
import { PRESENCE_CHANNEL } from './presence';
import { readAlerts } from '../alerts/alert-reads';
import { ALERT_CHANNEL } from '../alerts/early-warning';

/** What the feed needs of a socket (a `ws` WebSocket). */
export interface LiveSocket {
  readonly bufferedAmount: number;
  send(text: string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: 'close', listener: () => void): unknown;
}

/**
 * This process's supervisors' sockets. Each hub process LISTENs on the
 * presence channel once and forwards every change to its own sockets, so a
 * desk reporting to one process reaches supervisors connected to any other.
 * The message is serialised once per change, not once per socket.
 */
export class LiveFeed {
  private readonly sockets = new Set<LiveSocket>();
  private readonly unlisten: (() => Promise<void>)[] = [];

  async start(sql: Sql): Promise<void> {
    this.unlisten.push(
      await sql.listen(PRESENCE_CHANNEL, (payload) => {
        this.broadcast(`{"type":"seat","seat":${payload}}`);
      }),
      // Alerts are announced by id (NOTIFY payloads are small); each process reads them once and fans them out.
      await sql.listen(ALERT_CHANNEL, (payload) => {
        this.alertsChanged(sql, payload);
      }),
    );
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

  add(socket: LiveSocket, snapshot: LiveMessage): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify(snapshot));
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
    for (const socket of this.sockets) socket.close(1001, 'hub stopping');
    this.sockets.clear();
    await Promise.all(this.unlisten.splice(0).map((stop) => stop()));
  }
}
