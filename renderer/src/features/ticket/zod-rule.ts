import type { FormRule } from 'antd';
import { z } from 'zod';

// Field messages the shared schemas do not word themselves come out in Chinese too.
z.config(z.locales.zhCN());

/** An antd Form rule that checks the field with a shared zod schema and shows its (Chinese) message at the field. */
export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: (_rule, value: unknown) => {
      const result = schema.safeParse(value);
      return result.success ? Promise.resolve() : Promise.reject(new Error(result.error.issues[0]?.message ?? '格式不对'));
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
