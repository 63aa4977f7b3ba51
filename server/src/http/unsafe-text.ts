/** Text PostgreSQL cannot store (NUL) or cannot read back as JSON (a lone surrogate). */
// eslint-disable-next-line no-control-regex -- the NUL character is exactly what is looked for
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isUnsafeText(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/** The path of the first string (or key) in `value` that the database cannot hold, or null. */
export function unsafeTextPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isUnsafeText(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsafeTextPath(value[i], `${path}.${String(i)}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (isUnsafeText(key)) return path;
      const found = unsafeTextPath(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
