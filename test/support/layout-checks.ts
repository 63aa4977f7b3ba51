import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

/**
 * The checks the layout and accessibility suite runs on every view: what
 * overflows sideways, what axe-core finds serious or critical (WCAG 2.1 A/AA,
 * colour contrast included), and Han characters in an English UI outside data
 * (data in Chinese is marked `lang="zh-CN"`, which is also what a screen reader
 * needs to read it in the right voice).
 */

export interface Overflow {
  what: string;
  scrollWidth: number;
  clientWidth: number;
}

/** The page, the status bar and every tab bar: nothing wider than its box, no tab cut in half at the edge. */
export function horizontalOverflow(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const found: { what: string; scrollWidth: number; clientWidth: number }[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push({ what: 'page', scrollWidth: root.scrollWidth, clientWidth: root.clientWidth });
    for (const bar of document.querySelectorAll<HTMLElement>('[data-testid="status-bar"]')) {
      if (bar.scrollWidth > bar.clientWidth + 1) found.push({ what: 'status bar', scrollWidth: bar.scrollWidth, clientWidth: bar.clientWidth });
    }
    // antd's tab bars (the ticket's disposition tabs) scroll inside their nav-wrap; the pane's own tablists wrap.
    for (const wrap of document.querySelectorAll<HTMLElement>('.ant-tabs-nav-wrap, [role="tablist"]:not(.ant-tabs-nav)')) {
      if (wrap.offsetParent === null) continue;
      const box = wrap.getBoundingClientRect();
      for (const tab of wrap.querySelectorAll<HTMLElement>('.ant-tabs-tab, [role="tab"]')) {
        const r = tab.getBoundingClientRect();
        const partlyIn = r.left < box.right - 1 && r.right > box.left + 1;
        const wholly = r.left >= box.left - 1 && r.right <= box.right + 1;
        if (partlyIn && !wholly) found.push({ what: `tab "${tab.innerText}" cut at the tab bar's edge`, scrollWidth: Math.round(r.right - r.left), clientWidth: Math.round(box.right - box.left) });
      }
    }
    return found;
  });
}

export interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** What axe-core finds serious or critical in the page, or only within `scope` (a CSS selector: a dialog, a pane). */
export async function seriousViolations(page: Page, scope?: string): Promise<Violation[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (scope ? builder.include(scope) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Visible text with Han characters whose nearest language is not Chinese: UI words left untranslated. */
export function untranslatedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const han = /\p{Script=Han}/u;
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!han.test(text)) continue;
      const el = node.parentElement;
      if (!el || !(el.offsetWidth || el.offsetHeight || el.getClientRects().length)) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
      if (!lang.startsWith('zh')) found.add(text.trim().slice(0, 60));
    }
    return [...found];
  });
}

/**
 * Waits until the page has painted twice and every finite animation or transition has ended (a dialog's
 * zoom, a tab's ink bar), so what is measured is the view at rest. Endless ones (a "processing" badge's pulse)
 * never end and are not waited for.
 */
export function settled(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    await frame();
    await frame();
    const running = (): Animation[] => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
    for (let now = running(); now.length > 0; now = running()) await Promise.all(now.map((a) => a.finished.catch(() => undefined)));
  });
}

/** The two common desk screens: 1366×768, and 1920×1080 at 125 % system scaling (1536×864 CSS pixels). */
export const deskSizes = [
  { name: '1366x768', width: 1366, height: 768, scale: 1 },
  { name: '1920x1080@125', width: 1536, height: 864, scale: 1.25 },
] as const;
export type DeskSize = (typeof deskSizes)[number];

/**
 * The view as it is now, at one size: settled, a screenshot in test-results/layout/, and every problem found
 * (overflow; axe-core within `scope` when `axe`; untranslated words when the UI is in English) as a line.
 */
export async function checkView(page: Page, view: { name: string; scope?: string | undefined; axe: boolean; english: boolean; screenshot: string }): Promise<string[]> {
  await settled(page);
  await page.screenshot({ path: `test-results/layout/${view.screenshot}.png` });
  const problems: string[] = [];
  for (const o of await horizontalOverflow(page)) problems.push(`${view.name}: ${o.what} ${String(o.scrollWidth)} > ${String(o.clientWidth)}`);
  if (view.axe) for (const v of await seriousViolations(page, view.scope)) problems.push(`${view.name}: axe ${String(v.impact)} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
  if (view.english) for (const text of await untranslatedText(page)) problems.push(`${view.name}: untranslated "${text}"`);
  return problems;
}

/**
 * Whether the element is shown whole, as things stand: inside the window and not cut off by any scrolling or
 * clipping box around it (a sticky panel's own scroll, a card's fixed height).
 */
export function shownWhole(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const inside = (outer: { top: number; bottom: number; left: number; right: number }): boolean =>
      box.top >= outer.top - 0.5 && box.bottom <= outer.bottom + 0.5 && box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5;
    if (!inside({ top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth })) return false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      if (!inside(parent.getBoundingClientRect())) return false;
    }
    return true;
  });
}
