import { z } from 'zod';
import type { ShiftRotation } from './shift-clock';

export { currentShift, defaultShiftRotation, shiftClosing } from './shift-clock';
export type { CurrentShift, ShiftRotation, ShiftSlot } from './shift-clock';

/** The four-shift rotation as the settings hold it (see shift-clock.ts). */
export const shiftRotationSchema = z.object({
  /** Local start of the day slot, `HH:MM`. The night slot starts 12 hours later. */
  dayStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
  /** Team names in rotation order; the first was on the day slot on `anchorDate`. */
  teams: z.array(z.string().min(1).max(10)).length(4),
  /** A calendar date `YYYY-MM-DD` on which `teams[0]` worked the day slot. */
  anchorDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
}) satisfies z.ZodType<ShiftRotation>;
