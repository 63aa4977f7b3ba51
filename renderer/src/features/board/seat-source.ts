import type { SeatSource } from './seat-feed';
import { desk } from '../../desk/desk';

export type { SeatSource } from './seat-feed';

/** Why the board shows no seats: no hub session on this desk, or one that may not watch seats. */
export type BoardRefusal = 'no-hub' | 'not-supervisor';

/** Largest simulated board a URL may ask for: a capital city's whole centre, with room to spare. */
export const MAX_SIMULATED_SEATS = 5_000;

/**
 * The hub's live feed (`/v1/live`) through DeskApi: the services keep the
 * supervisor's subscription (and reconnect it); the board gets the seats they
 * hold now as a snapshot, then every change. Without a hub session the board
 * says the hub is missing; with an operator's or trainee's session it says the
 * board is for supervisors (the hub would refuse the feed anyway).
 */
export async function hubSeatSource(): Promise<SeatSource | BoardRefusal> {
  const session = await desk.getHubSession();
  if (!session.ok || !session.value) return 'no-hub';
  if (session.value.role !== 'supervisor' && session.value.role !== 'admin') return 'not-supervisor';
  return {
    subscribe(listener) {
      const off = desk.on('liveSeats', listener);
      void desk.listSeats().then((seats) => {
        if (seats.ok) listener({ type: 'snapshot', seats: seats.value });
      });
      return off;
    },
  };
}

/**
 * The source a board URL asks for: `?view=board&simulate=1400` (optionally
 * `&interval=10000&seed=7`) loads the simulation on demand, so it never
 * weighs on the workbench's or the real board's start; otherwise the hub's feed.
 */
export async function seatSourceFor(search: string): Promise<SeatSource | BoardRefusal> {
  const params = new URLSearchParams(search);
  const count = Math.floor(Number(params.get('simulate') ?? 0));
  if (!(count > 0)) return hubSeatSource();
  const interval = Number(params.get('interval') ?? 10_000);
  const seed = Number(params.get('seed') ?? 1);
  const { simulatedSeatSource } = await import('./simulated-source');
  return simulatedSeatSource(Math.min(count, MAX_SIMULATED_SEATS), interval > 0 ? interval : 10_000, { seed: Number.isFinite(seed) ? seed : 1 });
}
