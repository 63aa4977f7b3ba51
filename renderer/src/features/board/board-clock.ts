import { useCallback } from 'react';
import type { RefCallback } from 'react';
import { elapsedSeconds, formatDuration } from '../../../../shared/board/seat-view';

/**
 * The board's one clock. Every second, on the second, it runs the store's
 * tick and rewrites the text of the ticking elements on screen (time in
 * state, call length, the header's clock) directly in the DOM: a second
 * passing re-renders no React component. Only mounted elements are ticking,
 * and with the virtualised grid that is the tiles on screen.
 */
interface Ticking {
  element: HTMLElement;
  render: (now: number) => string;
  last: string;
}

const ticking = new Set<Ticking>();

function write(entry: Ticking, now: number): void {
  const text = entry.render(now);
  if (text !== entry.last) {
    entry.last = text;
    entry.element.textContent = text;
  }
}

/** Starts the clock; the returned function stops it. */
export function startBoardClock(onTick: (now: number) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const beat = (): void => {
    const now = Date.now();
    onTick(now);
    for (const entry of ticking) write(entry, now);
    // Re-aim at the next whole second every time, so the seconds never drift or skip.
    timer = setTimeout(beat, 1_000 - (now % 1_000) + 2);
  };
  beat();
  return () => {
    clearTimeout(timer);
  };
}

/** A ref for an element whose text the clock keeps current; `render` is null for an element that should stay empty. */
export function useTickingText(render: ((now: number) => string) | null): RefCallback<HTMLElement> {
  return useCallback(
    (element: HTMLElement | null) => {
      if (!element || !render) return;
      const entry: Ticking = { element, render, last: '' };
      write(entry, Date.now());
      ticking.add(entry);
      return () => {
        ticking.delete(entry);
      };
    },
    [render],
  );
}

/** `m:ss` since `fromMs` (memoise it on `fromMs`, so the ref stays while the instant does). */
export function elapsedSince(fromMs: number | null): ((now: number) => string) | null {
  if (fromMs === null || !Number.isFinite(fromMs)) return null;
  return (now) => formatDuration(elapsedSeconds(fromMs, now));
}
