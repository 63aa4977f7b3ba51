import { z } from 'zod';

/**
 * The responsibility list (诉求派发职责清单) and the units it names, as the
 * centre negotiates them with departments. Shipped as seed data, mastered at
 * the hub, replicated to every desk so dispatch suggestions work offline.
 */
export const departmentLevels = ['市级部门', '区县政府', '区县部门', '乡镇街道', '公共企业'] as const;

export const departmentSchema = z.object({
  /** Short ASCII code, e.g. `city-hrss`, `lanshan-gov`. */
  id: z.string().regex(/^[a-z0-9-]{2,60}$/),
  name: z.string().min(1).max(80),
  level: z.enum(departmentLevels),
  parent: z.string().nullable(),
  /** District/county; null for city-level units and city-wide enterprises. */
  district: z.string().nullable(),
});
export type Department = z.infer<typeof departmentSchema>;

/** Leads resolved from the ticket's location (就近定责) rather than named outright. */
export const LOCAL_DISTRICT_GOV = '属地区县政府';
export const LOCAL_TOWN_OFFICE = '属地乡镇街道';
export const localLeads = [LOCAL_DISTRICT_GOV, LOCAL_TOWN_OFFICE] as const;

export const dutySchema = z.object({
  id: z.string().min(1).max(20),
  matter: z.string().min(1).max(200),
  category: z.tuple([z.string().min(1).max(40), z.string().min(1).max(40)]),
  keywords: z.array(z.string().min(1).max(40)).max(40),
  /** A department id, or one of the 属地 literals. */
  lead: z.string().min(1),
  co: z.array(z.string().min(1)),
  time_limit_days: z.number().int().min(1).max(60),
  basis: z.string().max(200),
  notes: z.string().max(500).optional(),
  /**
   * How callers describe the matter in their own words (卖菜的三轮车堵路, 吵得睡不着), beside the list's official
   * wording: matched by their words, so a ticket that never says 占道经营 still finds its entry. Edited by the
   * centre with the rest of the entry.
   */
  phrasings: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
});
export type Duty = z.infer<typeof dutySchema>;
