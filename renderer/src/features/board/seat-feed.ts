import type { LiveMessage } from '../../../../shared/hub/presence';

/**
 * Where the board's seats come from: the hub's live feed in production, a
 * simulation for demos and benchmarks. A source sends a `snapshot` of every
 * seat first (and again after a reconnect), then one `seat` message per change.
 */
export interface SeatSource {
  /** Starts delivering messages to `listener`; the returned function stops them. */
  subscribe(listener: (message: LiveMessage) => void): () => void;
  /** Shown on the board when the seats are not real (模拟数据). */
  readonly simulated?: boolean;
}
