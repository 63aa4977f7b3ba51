/**
 * Where windows go on a desk with one or two monitors. Pure functions over
 * plain rectangles so they can be tested without Electron; `windows.ts` feeds
 * them `screen.getAllDisplays()`.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayInfo {
  id: number;
  /** The usable area (without task bars). */
  workArea: Rect;
}

export interface SavedBounds {
  bounds: Rect;
  maximized: boolean;
}

/** The desk's windows whose bounds are remembered. */
export type WindowRole = 'workbench' | 'knowledge' | 'board';

/** Remembered bounds per arrangement of displays, e.g. docked laptop vs. the two desk monitors. */
export type WindowLayouts = Record<string, Partial<Record<WindowRole, SavedBounds>>>;

export const MIN_VISIBLE = 100;
export const DEFAULT_SIZE = { width: 1600, height: 900 };

/** A stable key for the current arrangement: which displays, where, how large. */
export function layoutKey(displays: readonly DisplayInfo[]): string {
  return [...displays]
    .sort((a, b) => a.id - b.id)
    .map((d) => `${d.id}:${d.workArea.x},${d.workArea.y},${d.workArea.width}x${d.workArea.height}`)
    .join('|');
}

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** True when enough of the window's title area is on some display for the operator to grab it. */
export function isReachable(bounds: Rect, displays: readonly DisplayInfo[]): boolean {
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: 40 };
  return displays.some((d) => {
    const o = overlap(titleBar, d.workArea);
    return o !== null && o.width >= Math.min(MIN_VISIBLE, bounds.width);
  });
}

/** Centres a window of at most `size` on a display, shrinking it to fit. */
export function centreOn(display: DisplayInfo, size: { width: number; height: number } = DEFAULT_SIZE): Rect {
  const { workArea } = display;
  const width = Math.min(size.width, workArea.width);
  const height = Math.min(size.height, workArea.height);
  return {
    x: workArea.x + Math.round((workArea.width - width) / 2),
    y: workArea.y + Math.round((workArea.height - height) / 2),
    width,
    height,
  };
}

/** Saved bounds if they are still reachable on the current displays, otherwise centred on the primary. */
export function restoreBounds(saved: SavedBounds | undefined, displays: readonly DisplayInfo[], primary: DisplayInfo): SavedBounds {
  if (saved && isReachable(saved.bounds, displays)) return saved;
  return { bounds: centreOn(primary, saved?.bounds ?? DEFAULT_SIZE), maximized: saved?.maximized ?? false };
}

/** The display whose area holds the most of `bounds` (the window's "home" display). */
export function displayHolding(bounds: Rect, displays: readonly DisplayInfo[]): DisplayInfo | undefined {
  let best: DisplayInfo | undefined;
  let bestArea = 0;
  for (const d of displays) {
    const o = overlap(bounds, d.workArea);
    const area = o ? o.width * o.height : 0;
    if (area > bestArea) {
      best = d;
      bestArea = area;
    }
  }
  return best;
}

/**
 * Where the detached knowledge pane opens: on a display other than the
 * workbench's (the desk's second monitor), filling its work area; null when
 * there is only one display, in which case the pane stays docked.
 */
export function knowledgeWindowBounds(workbench: Rect, displays: readonly DisplayInfo[]): Rect | null {
  const home = displayHolding(workbench, displays);
  const other = displays.find((d) => d.id !== home?.id);
  return other ? { ...other.workArea } : null;
}

/**
 * Where the supervisors' seat board opens: where the supervisor last left it
 * in this arrangement of displays if that is still on screen; otherwise
 * maximised on a display other than the workbench's (the desk's second
 * monitor), and with only one display, centred over the workbench's display
 * (not maximised, so the workbench stays a click away).
 */
export function boardWindowPlacement(workbench: Rect, displays: readonly DisplayInfo[], saved?: SavedBounds): SavedBounds {
  if (saved && isReachable(saved.bounds, displays)) return saved;
  const home = displayHolding(workbench, displays) ?? displays[0];
  const other = displays.find((d) => d.id !== home?.id);
  if (other) return { bounds: { ...other.workArea }, maximized: true };
  return { bounds: home ? centreOn(home) : { x: workbench.x, y: workbench.y, ...DEFAULT_SIZE }, maximized: false };
}
