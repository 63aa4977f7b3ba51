import { z } from 'zod';
import type { Result } from './result';
import { deskErrorCodes, deskErrorReasons } from './result';
import { validationCodes } from './validation';

/**
 * Frames of the web host's WebSocket, which carries the same DeskApi as
 * Electron's IPC. Requests are matched to responses by `id`; events have none.
 */
export { DESK_WS_PATH } from './wire-frame';
export const MAX_FRAME_BYTES = 1_048_576;

export const wireRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().max(80),
  input: z.unknown().optional(),
});
export type WireRequest = z.infer<typeof wireRequestSchema>;

const deskErrorSchema = z.object({
  code: z.enum(deskErrorCodes),
  message: z.string(),
  issues: z
    .array(
      z.object({
        path: z.string(),
        message: z.string(),
        code: z.enum(validationCodes).optional(),
        params: z.object({ min: z.number().optional(), max: z.number().optional(), minutes: z.number().optional() }).optional(),
      }),
    )
    .optional(),
  details: z
    .object({
      reason: z.enum(deskErrorReasons).optional(),
      retryAfterS: z.number().optional(),
      subject: z.string().max(200).optional(),
      refs: z.array(z.string().max(200)).max(20).optional(),
      limit: z.number().optional(),
    })
    .optional(),
});

export const wireResponseSchema = z.object({
  id: z.number().int().nonnegative().nullable(),
  result: z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: deskErrorSchema }),
  ]),
});
export type WireResponse = { id: number | null; result: Result<unknown> };

export const wireEventSchema = z.object({
  event: z.string().max(80),
  payload: z.unknown(),
});
export type WireEvent = z.infer<typeof wireEventSchema>;

export const wireServerFrameSchema = z.union([wireResponseSchema, wireEventSchema]);
