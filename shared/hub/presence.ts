import { z } from 'zod';
import { isoInstantSchema } from '../iso-instant';
import { agentStates } from '../phone/agent-state';
import { alertSchema } from './alerts';

/** What a desk reports when its operator's state changes (and on sign-in). */
export const presenceReportSchema = z.strictObject({
  state: z.enum(agentStates),
  /** ISO instant the state began. */
  since: isoInstantSchema,
  /** Set while on a call. */
  callStartedAt: isoInstantSchema.nullable(),
  /** Break reason (小休、用餐、会议 …). */
  reason: z.string().trim().max(40).nullable(),
  /** The operator asked a supervisor for help (abusive caller, hard case). */
  helpRequested: z.boolean().default(false),
  /** The seat's SIP extension, so a supervisor can join its call (listen, whisper, barge). */
  extension: z.string().regex(/^[0-9A-Za-z._-]{1,40}$/).nullable().default(null),
});
export type PresenceReport = z.infer<typeof presenceReportSchema>;

/** One seat on the supervisors' board. */
export const seatSchema = z.object({
  deskId: z.string(),
  operator: z.string(),
  displayName: z.string(),
  team: z.string().nullable(),
  state: z.enum(agentStates),
  since: z.string(),
  callStartedAt: z.string().nullable(),
  reason: z.string().nullable(),
  helpRequested: z.boolean(),
  /** Absent from hubs older than the join feature. */
  extension: z.string().nullable().optional(),
  /** The seat the desk was enrolled as; absent for a desk that is not enrolled or from older hubs. */
  seatName: z.string().nullable().optional(),
  /** Hub time of the report, for the fan-out latency. */
  reportedAt: z.string(),
});
export type Seat = z.infer<typeof seatSchema>;

/** Messages on the supervisors' live feed (`/v1/live`). */
export const liveMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), seats: z.array(seatSchema) }),
  z.object({ type: z.literal('seat'), seat: seatSchema }),
  /**
   * The feed itself: `stale: true` from `since` on, changes may be missing (the hub lost its database's
   * notifications, or the desk its link to the hub); `stale: false` when it is whole again (a fresh snapshot
   * came just before), with `since`–`until` the gap the board went without updates.
   */
  z.object({ type: z.literal('feed'), stale: z.boolean(), since: z.string(), until: z.string().optional() }),
]);
export type LiveMessage = z.infer<typeof liveMessageSchema>;

/** Early-warning alerts travel on the same live feed (supervisors); see alerts.ts. */
export const liveAlertMessageSchema = z.object({ type: z.literal('alert'), alert: alertSchema });
export const liveFeedMessageSchema = z.union([liveMessageSchema, liveAlertMessageSchema]);
export type LiveFeedMessage = z.infer<typeof liveFeedMessageSchema>;
