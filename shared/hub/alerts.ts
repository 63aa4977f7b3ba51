import { z } from 'zod';

import { alertKinds } from './alert-kinds';

// The kinds have no zod (the workbench's alert count reads them at first paint).
export { alertKinds } from './alert-kinds';
export type { AlertKind } from './alert-kinds';

export const alertSettingsSchema = z.strictObject({
  manyWindowHours: z.number().int().min(1).max(168),
  manyMin: z.number().int().min(2).max(10_000),
  burstWindowMinutes: z.number().int().min(10).max(240),
  burstMin: z.number().int().min(2).max(10_000),
  /** How many times the matter's usual rate in that district (over the previous 7 days) the window must reach. */
  burstFactor: z.number().min(1).max(100),
  newLookbackDays: z.number().int().min(7).max(365),
  newMin: z.number().int().min(1).max(1_000),
  repeatDays: z.number().int().min(1).max(90),
  repeatMin: z.number().int().min(2).max(50),
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

export const defaultAlertSettings: AlertSettings = {
  manyWindowHours: 24,
  manyMin: 5,
  burstWindowMinutes: 60,
  burstMin: 5,
  burstFactor: 3,
  newLookbackDays: 30,
  newMin: 3,
  repeatDays: 30,
  repeatMin: 3,
};

export const alertSchema = z.object({
  id: z.number().int(),
  kind: z.enum(alertKinds),
  matter: z.tuple([z.string(), z.string()]),
  district: z.string().nullable(),
  callerNumber: z.string().nullable(),
  windowStart: z.string(),
  windowEnd: z.string(),
  ticketCount: z.number().int(),
  /** The tickets behind the alert, newest first (at most 50). */
  tickets: z.array(z.object({ id: z.string(), number: z.string(), createdAt: z.string(), summary: z.string() })),
  raisedAt: z.string(),
  updatedAt: z.string(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;
