import type { Page } from '@playwright/test';
import { horizontalOverflow, seriousViolations, untranslatedText } from '../support/layout-checks';
import { expect, test } from './fixtures';

/**
 * Every view at the two common desk screens (1366×768, and 1920×1080 at 125 % scaling, which is 1536×864
 * CSS pixels), in both themes and both languages: no sideways overflow of the page, the status bar or a tab
 * bar; no serious or critical axe-core finding (colour contrast included); no Chinese UI words in the English
 * UI outside data. One page per combination, one web host per combination; screenshots in test-results/.
 */
test.describe.configure({ timeout: 180_000 });

const sizes = [
  { name: '1366x768', viewport: { width: 1366, height: 768 }, scale: 1 },
  { name: '1920x1080@125', viewport: { width: 1536, height: 864 }, scale: 1.25 },
] as const;
const themes = ['light', 'dark'] as const;
const languages = ['zh-CN', 'en'] as const;

interface View {
  name: string;
  open: (page: Page) => Promise<void>;
  close?: (page: Page) => Promise<void>;
}

const escape = async (page: Page): Promise<void> => {
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-modal-wrap:visible')).toHaveCount(0);
};

const views: View[] = [
  { name: 'workbench', open: () => Promise.resolve() },
  {
    name: 'knowledge-results',
    open: async (page) => {
      await page.keyboard.press('F3');
      await page.keyboard.type('公积金 租房 提取');
      await page.keyboard.press('Enter');
      await expect(page.locator('mark').first()).toBeVisible();
    },
  },
  { name: 'history-tab', open: async (page) => page.keyboard.press('Alt+Digit3') },
  { name: 'replies-tab', open: async (page) => page.keyboard.press('Alt+Digit4') },
  { name: 'help-dialog', open: async (page) => page.keyboard.press('F1'), close: escape },
  { name: 'sign-in-dialog', open: async (page) => page.keyboard.press('Alt+KeyL'), close: escape },
  { name: 'shift-summary-dialog', open: async (page) => page.keyboard.press('Alt+Shift+KeyQ'), close: escape },
  { name: 'trainee-guide', open: async (page) => page.keyboard.press('Control+Shift+KeyG'), close: async (page) => page.keyboard.press('Control+Shift+KeyG') },
];

for (const size of sizes) {
  for (const theme of themes) {
    for (const language of languages) {
      test.describe(`${size.name} ${theme} ${language}`, () => {
        test.use({ viewport: size.viewport, deviceScaleFactor: size.scale });
        test(`every view holds: no overflow, no serious axe finding${language === 'en' ? ', no untranslated words' : ''}`, async ({ page, desk }) => {
          if (theme === 'dark') await page.keyboard.press('Control+Shift+KeyT');
          if (language === 'en') await page.keyboard.press('Control+Shift+KeyL');
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
          await expect(page.locator('html')).toHaveAttribute('lang', language);
          const problems: string[] = [];
          const check = async (name: string): Promise<void> => {
            await page.waitForTimeout(300); // let transitions and lazy panes settle before measuring
            await page.screenshot({ path: `test-results/layout/${size.name}-${theme}-${language}-${name}.png` });
            for (const o of await horizontalOverflow(page)) problems.push(`${name}: ${o.what} ${o.scrollWidth} > ${o.clientWidth}`);
            for (const v of await seriousViolations(page)) problems.push(`${name}: axe ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
            if (language === 'en') for (const text of await untranslatedText(page)) problems.push(`${name}: untranslated "${text}"`);
          };
          for (const view of views) {
            await view.open(page);
            await check(view.name);
            await view.close?.(page);
          }
          // The seat board, simulated, on the same web host.
          await page.goto(`${desk.url}/?view=board&simulate=60&interval=60000&seed=1`);
          await expect(page.getByTestId('board-simulated')).toBeVisible();
          await check('board');
          expect(problems).toEqual([]);
        });
      });
    }
  }
}
