import { z } from 'zod';

/**
 * Early warning (预警): the hub counts tickets by matter and place in sliding
 * windows and raises alerts for supervisors. 多发 many of the same matter in
 * one district within a day; 新发 a matter not seen for weeks appearing again;
 * 爆发 a sudden burst within the hour against the matter's usual rate there;
 * 重复来电 one caller ringing about the same matter again and again.
 */
export const alertKinds = ['many', 'new', 'burst', 'repeat'] as const;
export type AlertKind = (typeof alertKinds)[number];

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
