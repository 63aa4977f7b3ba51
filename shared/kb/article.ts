import { z } from 'zod';

/**
 * A knowledge-base article as the centre's KB editors publish it (the hub's
 * master copy, the desk's replica and the shipped seed all use this shape).
 */
export const articleStatuses = ['有效', '已失效'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

/** `全市` or the district/county a local version applies to. */
export const CITY_WIDE_SCOPE = '全市';

export const articleSchema = z.object({
  id: z.string().min(1).max(40),
  title: z.string().min(1).max(200),
  /** Two-level category path, e.g. ["住房公积金", "公积金提取"]. */
  category: z.tuple([z.string().min(1).max(40), z.string().min(1).max(40)]),
  keywords: z.array(z.string().min(1).max(40)).max(30),
  department: z.string().min(1).max(80),
  scope: z.string().min(1).max(40),
  /** The answer script the operator reads; plain text with `\n` line breaks. */
  body: z.string().min(1).max(20_000),
  /** ISO date of the last edit. */
  updated_at: z.iso.date(),
  /** Expired articles stay for reference but must never be offered as the answer. */
  status: z.enum(articleStatuses),
  /**
   * How callers ask for this article (相似问 / 常见问法), in their words: indexed as a field of its own,
   * edited by KB editors and versioned with the article. Absent on articles that predate the field: the
   * shipped phrasings (`resources/data/kb/phrasings.json`) are then used by article id.
   */
  phrasings: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
});
export type Article = z.infer<typeof articleSchema>;
