import { z } from 'zod';
import type { AppStateStore } from '../services/app-state';
import type { DisplayInfo, SavedBounds, WindowLayouts, WindowRole } from './window-placement';
import { layoutKey } from './window-placement';

const rectSchema = z.object({ x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() });
const savedBoundsSchema = z.object({ bounds: rectSchema, maximized: z.boolean() });
const layoutsSchema = z.record(
  z.string(),
  z.object({ workbench: savedBoundsSchema.optional(), knowledge: savedBoundsSchema.optional(), board: savedBoundsSchema.optional() }),
);

const KEY = 'windowLayouts';
/** Arrangements remembered at most; a desk sees few (one or two monitors, sometimes a projector). */
const MAX_LAYOUTS = 8;

/** Window bounds remembered per arrangement of displays, in the desk's database. */
export class WindowStateStore {
  constructor(private readonly store: AppStateStore) {}

  get(displays: readonly DisplayInfo[], role: WindowRole): SavedBounds | undefined {
    return this.store.read<WindowLayouts>(KEY, layoutsSchema, {})[layoutKey(displays)]?.[role];
  }

  save(displays: readonly DisplayInfo[], role: WindowRole, saved: SavedBounds): void {
    this.store.update<WindowLayouts>(KEY, layoutsSchema, {}, (layouts) => {
      const key = layoutKey(displays);
      const rest = Object.entries(layouts).filter(([k]) => k !== key).slice(-(MAX_LAYOUTS - 1));
      return { ...Object.fromEntries(rest), [key]: { ...layouts[key], [role]: saved } };
    });
  }
}
