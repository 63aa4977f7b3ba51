import { z } from 'zod';

/**
 * Accounts of the hub. Operators and trainees work at desks; supervisors
 * watch seats and review trainees' tickets; admins keep accounts, the
 * responsibility list and the knowledge base; department users accept,
 * return and reply to the tickets transferred to their unit (双反馈).
 */
export const hubRoles = ['operator', 'trainee', 'supervisor', 'admin', 'department'] as const;
export type HubRole = (typeof hubRoles)[number];

export const usernameSchema = z.string().regex(/^[a-z0-9_.-]{2,40}$/, '账号只能包含小写字母、数字和 _ . -，2 到 40 位');

/** The desk's own id: generated once per local database, so a rebuilt database never reuses a sequence. */
export const deskIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, '座席编号格式不正确');

export const loginInputSchema = z.strictObject({
  username: usernameSchema,
  password: z.string().min(1, '请输入密码').max(200),
  /** Desks sign in with their id; a supervisor's browser or a department client may omit it. */
  deskId: deskIdSchema.optional(),
  /** The enrolled desk's own credential (from redeeming its enrolment code); required with `deskId`. */
  deskCredential: z.string().min(20).max(200).optional(),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const accountSchema = z.object({
  username: usernameSchema,
  displayName: z.string().min(1).max(40),
  role: z.enum(hubRoles),
  /** For department users: the unit they answer for. */
  departmentId: z.string().nullable(),
  team: z.string().max(40).nullable(),
});
export type Account = z.infer<typeof accountSchema>;

export const sessionSchema = z.object({
  token: z.string(),
  /** ISO instant by the hub's clock, for people; machines use `expiresInS`. */
  expiresAt: z.string(),
  /** Seconds the token is valid from the hub's answer: the desk schedules its refresh from this, never from clocks compared across machines. */
  expiresInS: z.number().int().min(1),
  account: accountSchema,
  deskId: deskIdSchema.nullable(),
});
export type HubSession = z.infer<typeof sessionSchema>;

export const createAccountInputSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(40),
  role: z.enum(hubRoles),
  password: z.string().min(8, '密码至少 8 位').max(200),
  departmentId: z.string().max(60).nullable().default(null),
  team: z.string().trim().max(40).nullable().default(null),
});
