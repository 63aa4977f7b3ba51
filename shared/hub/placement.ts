import { z } from 'zod';
import { usernameSchema } from './auth';

/**
 * A trainee's placement record (实习档案) as the hub keeps it: per day of the
 * centre's calendar and in total, the calls the hub saw on their seat, the
 * tickets they registered, how the supervisors' reviews of them went, and the
 * practice calls they scored. Supervisors and admins read anyone's; a trainee
 * reads only their own.
 */

export const placementDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD')
  .refine((day) => {
    const at = Date.parse(`${day}T00:00:00Z`);
    return !Number.isNaN(at) && new Date(at).toISOString().startsWith(day);
  }, '没有这一天');

/** The longest range one request may ask for (a placement lasts a month; two leave room for a late start). */
export const MAX_PLACEMENT_DAYS = 62;

export const placementQuerySchema = z
  .strictObject({
    /** First and last day, inclusive, in the centre's time zone; by default the 30 days up to today. */
    from: placementDaySchema.optional(),
    to: placementDaySchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] });
export type PlacementQuery = z.infer<typeof placementQuerySchema>;

export const placementFiguresSchema = z.object({
  /** Calls seen by the hub through the seat's presence reports (a call made while the hub was unreachable is not counted). */
  calls: z.number().int().min(0),
  /** Seconds from each of those calls' start to the seat's next state. */
  talkSeconds: z.number().int().min(0),
  ticketsRegistered: z.number().int().min(0),
  /** Supervisors' review decisions on the trainee's tickets, by the day they were made. */
  reviewsApproved: z.number().int().min(0),
  reviewsReturned: z.number().int().min(0),
  practiceAttempts: z.number().int().min(0),
  /** One decimal, as the desk's 实训记录 shows it; null without an attempt. */
  practiceAverage: z.number().min(0).max(100).nullable(),
});
export type PlacementFigures = z.infer<typeof placementFiguresSchema>;

export const placementSchema = z.object({
  account: z.object({ username: usernameSchema, displayName: z.string(), role: z.string(), team: z.string().nullable() }),
  from: placementDaySchema,
  to: placementDaySchema,
  /** Every day of the range, oldest first, with zeros where nothing happened. */
  days: z.array(placementFiguresSchema.extend({ day: placementDaySchema })),
  total: placementFiguresSchema,
});
export type Placement = z.infer<typeof placementSchema>;
export type PlacementDay = Placement['days'][number];

/** The supervisors' trainee picker. */
export const traineeSchema = z.object({ username: usernameSchema, displayName: z.string(), team: z.string().nullable() });
export type Trainee = z.infer<typeof traineeSchema>;
