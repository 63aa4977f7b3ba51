import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { zodIssueText } from '../i18n/error-text';

/**
 * An antd Form rule that checks the field with a shared zod schema and words its code at the field in the UI's
 * language. A form on the first screen passes a loader instead (`() => import(…)`): its schemas, and zod with
 * them, are fetched the first time it checks a field, not with the workbench's first paint.
 */
export function zodRule(schema: z.ZodType | (() => Promise<z.ZodType>), t: TFunction): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = (typeof schema === 'function' ? await schema() : schema).safeParse(value);
      if (!result.success) throw new Error(zodIssueText(t, result.error.issues[0]));
    },
  };
}

/** `registration.location.district` → `location`: which form field a service-side issue belongs to. */
export function fieldOfIssue(path: string, prefix: string): string | null {
  const rest = path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path;
  const head = rest.split('.')[0];
  if (!head) return null;
  if (head === 'location') return rest.endsWith('address') ? 'address' : 'location';
  return head;
}
