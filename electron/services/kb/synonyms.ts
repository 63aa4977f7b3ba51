import { z } from 'zod';
import { pinyin } from 'pinyin-pro';

export const synonymTableSchema = z.object({
  version: z.number().int(),
  groups: z.array(z.array(z.string().min(1).max(40)).min(2).max(30)).max(5_000),
});
export type SynonymTable = z.infer<typeof synonymTableSchema>;

/** A stretch of a query that is a member of a synonym group (as written or by sound), with the group's other members. */
export interface SynonymBridge {
  stretch: string;
  member: string;
  group: number;
  others: string[];
}

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
    const bridges = this.bridges(query);
    const present = new Set(bridges.map((bridge) => bridge.member));
    const touched = new Set(bridges.map((bridge) => bridge.group));
    const extra: string[] = [];
    for (const group of touched) {
      for (const text of this.table.groups[group] ?? []) if (!present.has(text)) extra.push(text);
    }
    return extra;
  }

  /**
   * The stretches of the query that belong to a synonym group (as written, or
   * sounding the same), each with the group's other members: what lets a
   * query's word count as found when the article uses another member.
   */
  bridges(query: string): SynonymBridge[] {
    const stretchesBySound = new Map<string, string>();
    const runs = query.match(/[\u3400-\u9fff]+/gu) ?? [];
    for (const run of runs) {
      for (let size = 2; size <= 6; size++) {
        for (let i = 0; i + size <= run.length; i++) {
          const stretch = run.slice(i, i + size);
          const sound = toneless(stretch);
          if (!stretchesBySound.has(sound)) stretchesBySound.set(sound, stretch);
        }
      }
    }
    const found: SynonymBridge[] = [];
    for (const member of this.members) {
      const stretch = query.includes(member.text) ? member.text : member.text.length >= 2 ? stretchesBySound.get(member.sound) : undefined;
      if (stretch === undefined) continue;
      const others = (this.table.groups[member.group] ?? []).filter((text) => text !== member.text);
      found.push({ stretch, member: member.text, group: member.group, others });
    }
    return found;
  }
}
