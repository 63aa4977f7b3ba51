import type { LiveMessage } from '../../../shared/hub/presence';
import type { Sql } from '../db/sql';
import { PRESENCE_CHANNEL } from './presence';

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
  private unlisten: (() => Promise<void>) | null = null;

  async start(sql: Sql): Promise<void> {
    this.unlisten = await sql.listen(PRESENCE_CHANNEL, (payload) => {
      this.broadcast(`{"type":"seat","seat":${payload}}`);
    });
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
    await this.unlisten?.();
    this.unlisten = null;
  }
}
