import WebSocket from 'ws';
import type { Alert } from '../../../shared/hub/alerts';
import type { LiveMessage, Seat } from '../../../shared/hub/presence';
import { hubLiveFeed } from '../../../shared/hub/hub-api';
import { backoffDelayMs, hubBackoff } from '../../../shared/sync/backoff';
import type { HubHttp } from '../sync/hub-http';

export interface LiveSeatsOptions {
  /** The hub client, which knows the feed's address. */
  http: HubHttp;
  token: () => string | null;
  /** Every message, after the local copy is updated: a snapshot on (re)connect, then one seat at a time. */
  onMessage: (message: LiveMessage) => void;
  /** An early-warning alert was raised, grew or was acknowledged. */
  onAlert?: (alert: Alert) => void;
  onError?: (error: unknown) => void;
}

/**
 * A supervisor desk's subscription to the hub's live seat feed. Keeps the
 * latest state of every seat, so a workbench that opens the board later gets
 * them at once, and reconnects with backoff when the link drops (each
 * reconnect starts with a fresh snapshot, so nothing is missed for long).
 */
export class LiveSeats {
  private socket: WebSocket | null = null;
  private readonly seats = new Map<string, Seat>();
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly options: LiveSeatsOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  all(): Seat[] {
    return [...this.seats.values()];
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close();
    this.socket = null;
  }

  private connect(): void {
    const token = this.options.token();
    if (!token || this.stopped) return;
    // The token goes in a header, never in the URL (which lands in request and proxy logs).
    const socket = new WebSocket(this.options.http.liveFeedUrl(), { headers: { authorization: `Bearer ${token}` } });
    this.socket = socket;
    socket.on('message', (data: Buffer) => {
      const parsed = hubLiveFeed.message.safeParse(JSON.parse(data.toString('utf8')));
      if (!parsed.success) return;
      this.failures = 0;
      const message = parsed.data;
      if (message.type === 'alert') {
        this.options.onAlert?.(message.alert);
        return;
      }
      if (message.type === 'snapshot') {
        this.seats.clear();
        for (const seat of message.seats) this.seats.set(seat.deskId, seat);
      } else this.seats.set(message.seat.deskId, message.seat);
      this.options.onMessage(message);
    });
    socket.on('error', (error) => this.options.onError?.(error));
    socket.on('close', () => {
      if (this.socket !== socket || this.stopped) return;
      this.failures += 1;
      this.timer = setTimeout(() => {
        this.connect();
      }, backoffDelayMs(this.failures, hubBackoff));
      this.timer.unref();
    });
  }
}
