import type { Page } from '@playwright/test';
import { horizontalOverflow, seriousViolations, settled, untranslatedText } from '../support/layout-checks';
import { expect, test } from './fixtures';

/**
 * The views at the two common desk screens (1366×768, and 1920×1080 at 125 % scaling, which is 1536×864
 * CSS pixels), in both themes and both languages: no sideways overflow of the page, the status bar or a tab
 * bar; no serious or critical axe-core finding (colour contrast included); no Chinese UI words in the English
 * UI outside data. Screenshots in test-results/layout/.
 *
 * Coverage is spread across the 8 combinations rather than every view in every combination (72 axe runs took
 * 7 minutes, too long for CI): each view is checked, with every check, in two combinations that differ in
 * size, theme AND language (combination i and its opposite 7 − i), so every view is seen at both sizes, in
 * both themes and in both languages, and every combination checks two or three views. Each test's name lists
 * its views. One page per combination; each step waits for its view and for animations to end, not a fixed pause.
 */
test.describe.configure({ timeout: 120_000 });

const sizes = [
  { name: '1366x768', viewport: { width: 1366, height: 768 }, scale: 1 },
  { name: '1920x1080@125', viewport: { width: 1536, height: 864 }, scale: 1.25 },
] as const;
const themes = ['light', 'dark'] as const;
const languages = ['zh-CN', 'en'] as const;

interface View {
  name: string;
  /** Opens the view and waits until it is shown. */
  open: (page: Page, deskUrl: string) => Promise<void>;
  close?: (page: Page) => Promise<void>;
}

const dialog = (page: Page) => page.locator('.ant-modal-wrap:visible');
const openDialog =
  (key: string) =>
  async (page: Page): Promise<void> => {
    await page.keyboard.press(key);
    await expect(dialog(page)).toHaveCount(1);
  };
const escape = async (page: Page): Promise<void> => {
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
};
const rightTab =
  (key: string, name: string): View['open'] =>
  async (page) => {
    await page.keyboard.press(key);
    await expect(page.getByTestId('pane-knowledge').locator(`.ant-tabs-tab-active[data-node-key="${name}"]`)).toBeVisible();
  };

const views: View[] = [
  { name: 'workbench', open: (page) => expect(page.getByTestId('status-bar')).toBeVisible() },
  {
    name: 'knowledge-results',
    open: async (page) => {
      await page.keyboard.press('F3');
      await page.keyboard.type('公积金 租房 提取');
      await page.keyboard.press('Enter');
      await expect(page.locator('mark').first()).toBeVisible();
    },
  },
  { name: 'history-tab', open: rightTab('Alt+Digit3', 'history') },
  { name: 'replies-tab', open: rightTab('Alt+Digit4', 'replies') },
  { name: 'help-dialog', open: openDialog('F1'), close: escape },
  { name: 'sign-in-dialog', open: openDialog('Alt+KeyL'), close: escape },
  { name: 'shift-summary-dialog', open: openDialog('Alt+Shift+KeyQ'), close: escape },
  {
    name: 'trainee-guide',
    open: async (page) => {
      await page.keyboard.press('Control+Shift+KeyG');
      await expect(page.getByTestId('stage-guide')).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Control+Shift+KeyG');
      await expect(page.getByTestId('stage-guide')).toHaveCount(0);
    },
  },
  {
    // The seat board, simulated, on the same web host; it leaves the workbench, so it comes last.
    name: 'board',
    open: async (page, deskUrl) => {
      await page.goto(`${deskUrl}/?view=board&simulate=60&interval=60000&seed=1`);
      await expect(page.getByTestId('board-simulated')).toBeVisible();
    },
  },
];

const combinations = sizes.flatMap((size) => themes.flatMap((theme) => languages.map((language) => ({ size, theme, language }))));
/** View v runs in combination v mod 4 and in its opposite (7 − that): other size, other theme, other language. */
const viewsOf = (index: number): View[] => views.filter((_, v) => v % 4 === index || 7 - (v % 4) === index);

combinations.forEach(({ size, theme, language }, index) => {
  const own = viewsOf(index);
  test.describe(`${size.name} ${theme} ${language}`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.scale });
    const checks = `no overflow, no serious axe finding${language === 'en' ? ', no untranslated words' : ''}`;
    test(`${own.map((v) => v.name).join(', ')}: ${checks} (the other views in other combinations, see the file's comment)`, async ({ page, desk }) => {
      if (theme === 'dark') await page.keyboard.press('Control+Shift+KeyT');
      if (language === 'en') await page.keyboard.press('Control+Shift+KeyL');
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      const problems: string[] = [];
      for (const view of own) {
        await view.open(page, desk.url);
        await settled(page);
        await page.screenshot({ path: `test-results/layout/${size.name}-${theme}-${language}-${view.name}.png` });
        for (const o of await horizontalOverflow(page)) problems.push(`${view.name}: ${o.what} ${o.scrollWidth} > ${o.clientWidth}`);
        for (const v of await seriousViolations(page)) problems.push(`${view.name}: axe ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
        if (language === 'en') for (const text of await untranslatedText(page)) problems.push(`${view.name}: untranslated "${text}"`);
        await view.close?.(page);
      }
      expect(problems).toEqual([]);
    });
  });
});

test('every view is checked in two opposite combinations', () => {
  for (const [v, view] of views.entries()) {
    const seen = combinations.filter((_, index) => viewsOf(index).includes(view));
    expect(seen.map((c) => [c.size.name, c.theme, c.language]), view.name).toHaveLength(2);
    expect(new Set(seen.map((c) => c.size.name)).size, `${view.name} (${v}) sizes`).toBe(2);
    expect(new Set(seen.map((c) => c.theme)).size, `${view.name} themes`).toBe(2);
    expect(new Set(seen.map((c) => c.language)).size, `${view.name} languages`).toBe(2);
  }
});
