import WebSocket from 'ws';
import type { Alert } from '../../../shared/hub/alerts';
import type { LiveFeedMessage, LiveMessage, Seat } from '../../../shared/hub/presence';
import { hubLiveFeed } from '../../../shared/hub/hub-api';
import { backoffDelayMs, hubBackoff } from '../../../shared/sync/backoff';
import type { HubHttp } from '../sync/hub-http';
import { SyncError } from '../sync/sync-engine';

/**
 * Largest live-feed frame read: a snapshot of a capital city's 1,400 seats is about 0.5 MB. A larger frame
 * closes the socket before it is buffered (ws's maxPayload); the feed reconnects with backoff.
 */
export const LIVE_FRAME_MAX_BYTES = 4 * 1024 * 1024;

export interface LiveSeatsOptions {
  /** The hub client, which knows the feed's address. */
  http: HubHttp;
  token: () => string | null;
  /**
   * Every message, after the local copy is updated: a snapshot on (re)connect, then one seat at a time, and
   * `feed` messages when the feed went stale (this desk's link or the hub's own) and when it is whole again.
   */
  onMessage: (message: LiveMessage) => void;
  /** An early-warning alert was raised, grew or was acknowledged. */
  onAlert?: (alert: Alert) => void;
  /** Link failures, and frames refused (HUB_BAD_RESPONSE, HUB_RESPONSE_TOO_LARGE) as SyncErrors. */
  onError?: (error: unknown) => void;
  maxFrameBytes?: number;
}

/**
 * A supervisor desk's subscription to the hub's live seat feed. Keeps the
 * latest state of every seat, so a workbench that opens the board later gets
 * them at once, and reconnects with backoff when the link drops (each
 * reconnect starts with a fresh snapshot, so nothing is missed for long).
 * A frame that is not the protocol's is dropped with an error and the feed
 * goes on; one too large closes the link, which is then re-opened.
 */
export class LiveSeats {
  private socket: WebSocket | null = null;
  private readonly seats = new Map<string, Seat>();
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  /** When this desk's own link to the feed went down; null while it is up (or has never been). */
  private linkLostAt: string | null = null;
  /** Frames refused since start, for the logs and the soak bench. */
  rejectedFrames = 0;

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
    this.timer = null;
    this.socket?.close();
    this.socket = null;
  }

  private connect(): void {
    this.timer = null;
    const token = this.options.token();
    if (!token || this.stopped) return;
    // The token goes in a header, never in the URL (which lands in request and proxy logs).
    const socket = new WebSocket(this.options.http.liveFeedUrl(), {
      headers: { authorization: `Bearer ${token}` },
      maxPayload: this.options.maxFrameBytes ?? LIVE_FRAME_MAX_BYTES,
    });
    this.socket = socket;
    socket.on('message', (data: Buffer) => {
      const message = this.parse(data);
      if (message) this.receive(message);
    });
    socket.on('error', (error: Error & { code?: string }) => {
      const tooLarge = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
      if (tooLarge) this.rejectedFrames += 1;
      this.options.onError?.(tooLarge ? new SyncError('HUB_RESPONSE_TOO_LARGE', 'live seat frame too large; reconnecting', 'HUB_RESPONSE_TOO_LARGE') : error);
    });
    socket.on('close', () => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      this.failures += 1;
      if (!this.linkLostAt) {
        this.linkLostAt = new Date().toISOString();
        this.options.onMessage({ type: 'feed', stale: true, since: this.linkLostAt });
      }
      this.timer = setTimeout(() => {
        this.connect();
      }, backoffDelayMs(this.failures, hubBackoff));
      this.timer.unref();
    });
  }

  /** The frame as a feed message, or null (reported) when it is not JSON or not the protocol's shape. */
  private parse(data: Buffer): LiveFeedMessage | null {
    let json: unknown;
    try {
      json = JSON.parse(data.toString('utf8'));
    } catch {
      return this.refuse('live seat frame is not JSON; dropped');
    }
    const parsed = hubLiveFeed.message.safeParse(json);
    if (!parsed.success) return this.refuse(`live seat frame does not match the protocol (${parsed.error.issues[0]?.message ?? ''}); dropped`);
    return parsed.data;
  }

  private refuse(message: string): null {
    this.rejectedFrames += 1;
    this.options.onError?.(new SyncError('HUB_BAD_RESPONSE', message, 'HUB_BAD_RESPONSE'));
    return null;
  }

  private receive(message: LiveFeedMessage): void {
    this.failures = 0;
    if (message.type === 'alert') {
      this.options.onAlert?.(message.alert);
      return;
    }
    if (message.type === 'snapshot') {
      this.seats.clear();
      for (const seat of message.seats) this.seats.set(seat.deskId, seat);
    } else if (message.type === 'seat') this.seats.set(message.seat.deskId, message.seat);
    this.options.onMessage(message);
    // The snapshot after a reconnect makes the board whole again: the gap is over.
    if (message.type === 'snapshot' && this.linkLostAt) {
      const since = this.linkLostAt;
      this.linkLostAt = null;
      this.options.onMessage({ type: 'feed', stale: false, since, until: new Date().toISOString() });
    }
  }
}
