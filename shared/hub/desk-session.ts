import { z } from 'zod';
import type { ValidationCode } from '../validation';
import { hubRoles } from './auth';

/** The hub session of the desk as the renderer sees it (no token: it stays in the services). */
export const deskSessionSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.enum(hubRoles),
  team: z.string().nullable(),
  expiresAt: z.string(),
});
export type DeskSession = z.infer<typeof deskSessionSchema>;

export const hubSignInInputSchema = z.strictObject({
  username: z.string().trim().min(1, 'USERNAME_REQUIRED' satisfies ValidationCode).max(40),
  password: z.string().min(1, 'PASSWORD_REQUIRED' satisfies ValidationCode).max(200),
  /** The one-time code from the admin, needed once, while the desk is not enrolled at this hub. */
  enrolmentCode: z.string().trim().max(30).optional(),
});

/** The note the outgoing operator leaves for the next shift on this desk (交接班). */
export const handoverNoteSchema = z.object({
  from: z.string(),
  text: z.string().max(2_000, '交接内容最多 2000 字'),
  at: z.string(),
});
export type HandoverNote = z.infer<typeof handoverNoteSchema>;
