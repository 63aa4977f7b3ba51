import type { Seat } from '../hub/presence';

/**
 * A seat as the board keeps it: the hub's record with its instants parsed once
 * on arrival, so rules that run every second over every seat never parse ISO
 * strings. An unparseable instant becomes NaN and no rule fires on it.
 */
export interface BoardSeat extends Seat {
  sinceMs: number;
  callStartedMs: number | null;
  reportedMs: number;
}

export function toBoardSeat(seat: Seat, previous?: BoardSeat): BoardSeat {
  // Spelled out rather than spread: this runs for every report, and V8 builds a spread-and-extend object far slower.
  return {
    deskId: seat.deskId,
    operator: seat.operator,
    displayName: seat.displayName,
    team: seat.team,
    state: seat.state,
    since: seat.since,
    callStartedAt: seat.callStartedAt,
    reason: seat.reason,
    helpRequested: seat.helpRequested,
    extension: seat.extension ?? null,
    reportedAt: seat.reportedAt,
    // A report often repeats the instants of the one before (the same call, the same state): parse those once.
    sinceMs: previous?.since === seat.since ? previous.sinceMs : Date.parse(seat.since),
    callStartedMs: seat.callStartedAt === null ? null : previous?.callStartedAt === seat.callStartedAt ? previous.callStartedMs : Date.parse(seat.callStartedAt),
    reportedMs: Date.parse(seat.reportedAt),
  };
}

/** Whole seconds from `fromMs` to `now`, never negative (desk clocks drift a little ahead of the hub's). */
export function elapsedSeconds(fromMs: number, now: number): number {
  if (!Number.isFinite(fromMs)) return 0;
  return Math.max(0, Math.floor((now - fromMs) / 1_000));
}

/** When the current call began: the call's own start if reported, else the moment the seat went on call. */
export function callStartMs(seat: BoardSeat): number | null {
  if (seat.state !== 'on_call') return null;
  return seat.callStartedMs ?? seat.sinceMs;
}

/** `m:ss` under an hour, `h:mm:ss` from then on: how supervisors read a call's length. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * `text` cut to fit `maxUnits` display units (a Han character or other wide
 * character counts 2, anything else 1), with `…` when cut: tiles have a fixed
 * width and do not clip.
 */
export function shorten(text: string, maxUnits: number): string {
  const chars = Array.from(text);
  const widths = chars.map((c) => (wide.test(c) ? 2 : 1));
  if (widths.reduce((sum, w) => sum + w, 0) <= maxUnits) return text;
  let used = 1; // the ellipsis
  let keep = 0;
  while (keep < chars.length && used + (widths[keep] ?? 0) <= maxUnits) used += widths[keep++] ?? 0;
  return `${chars.slice(0, keep).join('')}…`;
}

/** East Asian wide characters (Han, kana, Hangul, full-width forms) and anything outside the BMP. */
const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{10000}-\u{10ffff}]/u;

/**
 * How a tile names its seat: the enrolled seat with its extension, as
 * supervisors know the room; a desk known only by its id gets a short form of
 * it, never the whole UUID-like id that would spill out of the tile.
 */
export function seatLabel(seat: { deskId: string; seatName?: string | null; extension?: string | null }): string {
  const name = seat.seatName ?? shorten(seat.deskId, 12);
  return seat.extension ? `${name} · ${seat.extension}` : name;
}
