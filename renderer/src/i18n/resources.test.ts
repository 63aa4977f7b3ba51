import { describe, expect, it } from 'vitest';
import { en, namespaces, zhCN } from './resources';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a namespace as [dotted path, text]. */
function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree as Tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
}

const variables = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort();

describe('the desk strings, namespace by namespace', () => {
  it('lists every namespace it has files for, so i18next loads them all', () => {
    expect([...namespaces].sort()).toEqual(Object.keys(zhCN).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it.each(namespaces)('%s: English has exactly the zh-CN keys, and each sentence fills the same {{variables}}', (ns) => {
    const source = new Map(leaves(zhCN[ns]));
    const english = new Map(leaves(en[ns]));
    expect([...english.keys()].sort()).toEqual([...source.keys()].sort());
    for (const [path, text] of source) expect({ path, vars: variables(english.get(path) ?? '') }).toEqual({ path, vars: variables(text) });
  });
});
