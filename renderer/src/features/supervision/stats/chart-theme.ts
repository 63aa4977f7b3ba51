import type { Settings } from '../../../../../shared/settings';

/** Axis and label colours that read on the day (light) and the night (dark) theme. */
export function chartInk(mode: Settings['theme']): { text: string; line: string } {
  return mode === 'dark' ? { text: '#d9d9d9', line: '#434343' } : { text: '#333', line: '#d9d9d9' };
}
