import { z } from 'zod';
import { toDialTarget } from '../phone/sip-target';
import { departmentSchema } from './responsibility';

/**
 * The transfer directory (转接通讯录): whom an operator can transfer a caller
 * to. Each entry belongs to a department of the responsibility list and is
 * the department's switchboard, one of its service lines (服务专线) or a
 * named expert (专家坐席). Mastered in the hub's catalogue, edited by
 * admins, replicated to every desk like the responsibility list, so the
 * transfer dialog works offline.
 */
export const directoryKinds = ['department', 'line', 'expert'] as const;
export type DirectoryKind = (typeof directoryKinds)[number];

export const directoryEntrySchema = z.object({
  /** Short ASCII code, e.g. `city-hrss-main`, `city-hrss-wang`. */
  id: z.string().regex(/^[a-z0-9-]{2,80}$/),
  kind: z.enum(directoryKinds),
  departmentId: departmentSchema.shape.id,
  /** The line's or the expert's name (总机, 社保政策咨询专线, 王建国). */
  name: z.string().trim().min(1).max(80),
  /** What the line or the expert answers for, shown beside the name and searched with it. */
  topic: z.string().trim().max(120).default(''),
  /** An extension or phone number (dialled at the desk's PBX domain) or a full SIP URI. */
  number: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((n) => toDialTarget(n, 'pbx.invalid').ok, { message: '号码须为分机号、电话号码或 sip: 地址' }),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;
export type DirectoryEntryInput = z.input<typeof directoryEntrySchema>;

/** One row of the transfer dialog: an entry with its department's name, ranked for the operator's query. */
export const directoryHitSchema = directoryEntrySchema.extend({
  departmentName: z.string(),
  /** The dispatch suggestion's lead department: listed first. */
  lead: z.boolean(),
});
export type DirectoryHit = z.infer<typeof directoryHitSchema>;

export const directoryQuerySchema = z.object({
  /** Name, full pinyin, initials (wjg for 王建国) or the start of the number; empty lists everything. */
  text: z.string().max(80).default(''),
  /** The lead department of the ticket's dispatch suggestion, if any. */
  leadDepartmentId: z.string().max(60).nullable().default(null),
  limit: z.number().int().min(1).max(500).default(50),
});
export type DirectoryQuery = z.input<typeof directoryQuerySchema>;
