import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { zodIssueText } from '../i18n/error-text';

/** An antd Form rule that checks the field with a shared zod schema and words its code at the field in the UI's language. */
export function zodRule(schema: z.ZodType, t: TFunction): FormRule {
  return {
    validator: (_rule, value: unknown) => {
      const result = schema.safeParse(value);
      return result.success ? Promise.resolve() : Promise.reject(new Error(zodIssueText(t, result.error.issues[0])));
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
