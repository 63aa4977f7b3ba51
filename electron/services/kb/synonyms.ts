import { z } from 'zod';
import { pinyin } from 'pinyin-pro';

export const synonymTableSchema = z.object({
  version: z.number().int(),
  groups: z.array(z.array(z.string().min(1).max(40)).min(2).max(30)).max(5_000),
});
export type SynonymTable = z.infer<typeof synonymTableSchema>;

const sounds = new Map<string, string>();
function toneless(text: string): string {
  let sound = sounds.get(text);
  if (sound === undefined) {
    sound = pinyin(text, { toneType: 'none', type: 'array', v: true }).join('');
    if (sounds.size < 50_000) sounds.set(text, sound);
  }
  return sound;
}

/**
 * Finds the synonym groups a query touches and returns the other members as
 * extra search text. A member counts as present when it appears in the query
 * as written, or when a stretch of the query sounds the same (社宝卡 →
 * 社保卡), because callers' words reach the keyboard through the ear.
 */
export class SynonymExpander {
  private readonly members: { text: string; sound: string; group: number }[] = [];

  constructor(private readonly table: SynonymTable) {
    table.groups.forEach((group, index) => {
      for (const text of group) this.members.push({ text, sound: toneless(text), group: index });
    });
  }

  expansions(query: string): string[] {
    const sounds = new Set<string>();
    const runs = query.match(/[\u3400-\u9fff]+/gu) ?? [];
    for (const run of runs) {
      for (let size = 2; size <= 6; size++) {
        for (let i = 0; i + size <= run.length; i++) sounds.add(toneless(run.slice(i, i + size)));
      }
    }
    const touched = new Set<number>();
    const present = new Set<string>();
    for (const member of this.members) {
      if (query.includes(member.text) || (member.text.length >= 2 && sounds.has(member.sound))) {
        touched.add(member.group);
        present.add(member.text);
      }
    }
    const extra: string[] = [];
    for (const group of touched) {
      for (const text of this.table.groups[group] ?? []) if (!present.has(text)) extra.push(text);
    }
    return extra;
  }
}
