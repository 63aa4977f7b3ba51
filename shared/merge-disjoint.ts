/**
 * Merges handler tables that must not overlap: a key defined in two parts is a
 * compile error (and, should types be bypassed, a thrown error), where a plain
 * spread would let the later part silently replace the earlier one.
 */
type KeysOf<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends readonly object[]] ? keyof Head | KeysOf<Rest> : never;

/** The keys some part shares with a later part; `never` when the parts are disjoint. */
export type DuplicateKeys<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends readonly object[]] ? (keyof Head & KeysOf<Rest>) | DuplicateKeys<Rest> : never;

type Merged<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends readonly object[]] ? Head & Merged<Rest> : unknown;

/** Refuses, at compile time, parts that share a key: the error names the keys. */
type Disjoint<T extends readonly object[]> = [DuplicateKeys<T>] extends [never] ? T : readonly [{ definedTwice: DuplicateKeys<T> }];

export function mergeDisjoint<const T extends readonly object[]>(...parts: T & Disjoint<T>): Merged<T> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key in merged) throw new Error(`${key} is defined twice`);
      merged[key] = value;
    }
  }
  return merged as Merged<T>;
}
