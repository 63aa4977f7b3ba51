import { describe, expect, it } from 'vitest';
import type { DisplayInfo } from './window-placement';
import { boardWindowPlacement, centreOn, isReachable, knowledgeWindowBounds, layoutKey, restoreBounds } from './window-placement';

const left: DisplayInfo = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const right: DisplayInfo = { id: 2, workArea: { x: 1920, y: 0, width: 1920, height: 1040 } };
const laptop: DisplayInfo = { id: 3, workArea: { x: 0, y: 0, width: 1366, height: 728 } };

describe('window placement on one or two monitors', () => {
  it('keys layouts by the set of displays, whatever their order', () => {
    expect(layoutKey([left, right])).toBe(layoutKey([right, left]));
    expect(layoutKey([left])).not.toBe(layoutKey([left, right]));
  });

  it('restores saved bounds that are still on a display', () => {
    const saved = { bounds: { x: 2000, y: 50, width: 1200, height: 800 }, maximized: false };
    expect(restoreBounds(saved, [left, right], left)).toBe(saved);
  });

  it('brings back a window whose display is gone, centred on the primary and shrunk to fit', () => {
    const saved = { bounds: { x: 2000, y: 50, width: 1600, height: 900 }, maximized: true };
    const placed = restoreBounds(saved, [laptop], laptop);
    expect(isReachable(placed.bounds, [laptop])).toBe(true);
    expect(placed.bounds.width).toBeLessThanOrEqual(1366);
    expect(placed.bounds.height).toBeLessThanOrEqual(728);
    expect(placed.maximized).toBe(true);
  });

  it('does not count a window whose title bar is off screen as reachable', () => {
    expect(isReachable({ x: 100, y: -500, width: 800, height: 600 }, [left])).toBe(false);
    expect(isReachable({ x: 1880, y: 10, width: 800, height: 600 }, [left])).toBe(false);
  });

  it('opens the knowledge window on the display the workbench is not on', () => {
    expect(knowledgeWindowBounds({ x: 100, y: 100, width: 1200, height: 800 }, [left, right])).toEqual(right.workArea);
    expect(knowledgeWindowBounds({ x: 2100, y: 100, width: 1200, height: 800 }, [left, right])).toEqual(left.workArea);
    expect(knowledgeWindowBounds({ x: 100, y: 100, width: 1200, height: 800 }, [left])).toBeNull();
  });

  it('centres a default-sized window', () => {
    expect(centreOn(left, { width: 1600, height: 900 })).toEqual({ x: 160, y: 70, width: 1600, height: 900 });
  });

  describe('the supervisors’ seat board', () => {
    const onLeft = { x: 100, y: 100, width: 1600, height: 900 };

    it('fills the display the workbench is not on', () => {
      expect(boardWindowPlacement(onLeft, [left, right])).toEqual({ bounds: right.workArea, maximized: true });
      expect(boardWindowPlacement({ x: 2100, y: 60, width: 1600, height: 900 }, [left, right])).toEqual({ bounds: left.workArea, maximized: true });
    });

    it('opens centred, not maximised, over the workbench on a single display', () => {
      expect(boardWindowPlacement({ x: 0, y: 0, width: 1366, height: 728 }, [laptop])).toEqual({ bounds: centreOn(laptop), maximized: false });
      expect(boardWindowPlacement(onLeft, [left])).toEqual({ bounds: { x: 160, y: 70, width: 1600, height: 900 }, maximized: false });
    });

    it('goes back where the supervisor left it while that is on screen', () => {
      const saved = { bounds: { x: 300, y: 200, width: 1200, height: 700 }, maximized: false };
      expect(boardWindowPlacement(onLeft, [left, right], saved)).toBe(saved);
    });

    it('ignores saved bounds on a display that has gone and places it afresh', () => {
      const onThird = { bounds: { x: 3840, y: 0, width: 1920, height: 1040 }, maximized: true };
      expect(boardWindowPlacement(onLeft, [left, right], onThird)).toEqual({ bounds: right.workArea, maximized: true });
      const onRight = { bounds: { ...right.workArea }, maximized: true };
      const placed = boardWindowPlacement(onLeft, [left], onRight);
      expect(placed).toEqual({ bounds: centreOn(left), maximized: false });
      expect(isReachable(placed.bounds, [left])).toBe(true);
    });
  });
});
