import type { Page } from '@playwright/test';
import type { RunningHub } from '../hub/support/hub-harness';
import { startHub } from '../hub/support/hub-harness';
import { signInToHub } from '../support/hub-sign-in';
import { checkView, deskSizes, shownWhole } from '../support/layout-checks';
import type { DeskSize } from '../support/layout-checks';
import { expect, test } from './fixtures';

/**
 * Every view an operator, a trainee or a supervisor reaches from the workbench, each opened with its keyboard
 * shortcut, at the two common desk screens (1366×768, and 1920×1080 at 125 % scaling, which is 1536×864 CSS
 * pixels), in both themes and both languages: no sideways overflow of the page, the status bar or a tab bar; no
 * serious or critical axe-core finding (colour contrast included; a dialog or drawer is checked within itself,
 * the workbench behind it is checked as a view of its own); no Chinese UI words in the English UI outside data.
 * Screenshots in test-results/layout/.
 *
 * Coverage is spread across the 8 combinations rather than every view in every combination (every view in every
 * combination took 7 minutes, too long for CI): each view is checked, with every check, in two combinations that
 * differ in size, theme AND language (combination i and its opposite 7 − i), so every view is seen at both sizes,
 * in both themes and in both languages. Each test's name lists its views.
 *
 * Two parts: the views of a desk with no hub session (a fresh web host per combination: workbench, knowledge,
 * the left pane's answer tab, the right pane's history and replies tabs, every dialog and drawer, practice and
 * the stage guide, the seat board with its help and seat details), and the views that need a supervisor signed in
 * to a hub (PGlite, demo accounts; one sign-in, then a page of each size on the same desk: the supervisor's seven right-pane
 * tabs with the seat-board button, review queue, alerts, statistics, placement records, the sign-out dialog).
 *
 * Elsewhere: the transfer dialog (F10), the keypad (Alt+K) and the workbench on a live call need the SIP rig
 * (test/sip/call-dialogs-layout.spec.ts, the same checks); the storage-failure notice needs a broken disk
 * (disk-full.spec.ts).
 */
test.describe.configure({ timeout: 180_000 });

const themes = ['light', 'dark'] as const;
const languages = ['zh-CN', 'en'] as const;
interface Combination {
  size: DeskSize;
  theme: (typeof themes)[number];
  language: (typeof languages)[number];
}
const combinations: Combination[] = deskSizes.flatMap((size) => themes.flatMap((theme) => languages.map((language) => ({ size, theme, language }))));
const comboName = ({ size, theme, language }: Combination): string => `${size.name} ${theme} ${language}`;

interface View {
  name: string;
  /** Opens the view and waits until it is shown. */
  open: (page: Page, deskUrl: string) => Promise<void>;
  close?: (page: Page) => Promise<void>;
  /** A dialog or drawer: axe looks within it (the page behind is its own view). */
  scope?: string;
}

/** Closed dialogs and drawers stay in the page, hidden: axe skips hidden parts, the locators take the shown one. */
const modal = '.ant-modal-wrap';
const drawer = '.ant-drawer-open';
const shown = (page: Page, selector: string) => page.locator(`${selector}:visible`);
/** A dialog or drawer opened by `key`, closed by Escape. */
const overlay = (name: string, key: string, selector = modal): View => ({
  name,
  scope: selector,
  open: async (page) => {
    await page.keyboard.press(key);
    await expect(shown(page, selector)).toHaveCount(1);
  },
  close: async (page) => {
    await page.keyboard.press('Escape');
    await expect(shown(page, selector)).toHaveCount(0);
  },
});
const rightTab = (name: string, key: string, tab: string): View => ({
  name,
  open: async (page) => {
    await page.keyboard.press(key);
    await expect(page.getByTestId('pane-knowledge').locator(`[role="tab"][aria-selected="true"][data-tab="${tab}"]`)).toBeVisible();
    await expect(page.getByTestId('pane-knowledge').locator('[role="tabpanel"][data-state="active"] .desk-loading')).toHaveCount(0);
  },
});
const search = (name: string, words: string, shownWhenDone: (page: Page) => ReturnType<Page['locator']>): View => ({
  name,
  open: async (page) => {
    await page.keyboard.press('F3');
    await page.keyboard.press('Control+KeyA');
    await page.keyboard.type(words);
    await page.keyboard.press('Enter');
    await expect(shownWhenDone(page)).toBeVisible();
  },
});
/** The seat board (simulated, on the same web host) leaves the workbench: its views come last. */
const onBoard = async (page: Page, deskUrl: string): Promise<void> => {
  if (page.url().includes('view=board')) return;
  await page.goto(`${deskUrl}/?view=board&simulate=60&interval=60000&seed=1`);
  await expect(page.getByTestId('board-simulated')).toBeVisible();
};

const deskViews: View[] = [
  { name: 'workbench', open: (page) => expect(page.getByTestId('status-bar')).toBeVisible() },
  search('knowledge-results', '公积金 租房 提取', (page) => page.locator('mark').first()),
  search('knowledge-no-match', 'xyzzy 不存在的东西', (page) => page.getByTestId('kb-weak-match')),
  {
    name: 'answer-tab',
    open: async (page) => {
      await page.keyboard.press('Alt+KeyA');
      await expect(page.getByTestId('ticket-area').locator('.ant-tabs-tab-active[data-node-key="answer"]')).toBeVisible();
    },
  },
  rightTab('history-tab', 'Alt+Digit3', 'history'),
  rightTab('replies-tab', 'Alt+Digit4', 'replies'),
  overlay('help-dialog', 'F1'),
  overlay('sign-in-dialog', 'Alt+KeyL'),
  overlay('shift-summary-dialog', 'Alt+Shift+KeyQ'),
  overlay('existing-tickets-dialog', 'Alt+KeyF'),
  overlay('self-check-dialog', 'Alt+KeyJ'),
  overlay('phone-settings-dialog', 'Alt+Shift+KeyJ'),
  overlay('training-records-drawer', 'Alt+KeyO', drawer),
  {
    name: 'stage-guide',
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
    // A trainee's practice call: the scripted caller's words beside the guide and the form.
    name: 'practice-call',
    open: async (page) => {
      await page.keyboard.press('Alt+KeyP');
      await expect(page.getByTestId('practice-panel')).toBeVisible();
      await page.keyboard.press('Alt+KeyM');
      await expect(page.getByTestId('practice-turn')).toHaveCount(2);
      // The caller's newest words and the lead picker (the trainee's next step) are shown whole, not cut off.
      await expect.poll(() => shownWhole(page.getByTestId('practice-turn').last())).toBe(true);
      await expect.poll(() => shownWhole(page.getByTestId('practice-lead'))).toBe(true);
    },
    close: async (page) => {
      await page.keyboard.press('Alt+Shift+KeyP');
      await expect(page.getByTestId('practice-panel')).toHaveCount(0);
    },
  },
  { name: 'board', open: onBoard },
  {
    name: 'board-help-dialog',
    scope: modal,
    open: async (page, deskUrl) => {
      await onBoard(page, deskUrl);
      await page.keyboard.press('F1');
      await expect(shown(page, modal)).toHaveCount(1);
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await expect(shown(page, modal)).toHaveCount(0);
    },
  },
  {
    name: 'seat-details-drawer',
    scope: drawer,
    open: async (page, deskUrl) => {
      await onBoard(page, deskUrl);
      await page.keyboard.press('ArrowRight');
      await expect(page.locator('[data-testid=seat-tile]:focus')).toHaveCount(1);
      await page.keyboard.press('Enter');
      await expect(shown(page, drawer)).toHaveCount(1);
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await expect(shown(page, drawer)).toHaveCount(0);
    },
  },
];

const supervisorViews: View[] = [
  // The knowledge tab with all seven tabs and the seat-board button in the tab bar.
  rightTab('supervisor-workbench', 'Alt+Digit2', 'knowledge'),
  rightTab('reviews-tab', 'Alt+Digit5', 'reviews'),
  rightTab('alerts-tab', 'Alt+Digit6', 'alerts'),
  rightTab('stats-tab', 'Alt+Digit7', 'stats'),
  rightTab('placement-tab', 'Alt+Digit8', 'placement'),
  overlay('sign-out-dialog', 'Alt+KeyQ'),
];

/** View v runs in combination v mod 4 and in its opposite (7 − that): other size, other theme, other language. */
const spread = (views: View[], index: number): View[] => views.filter((_, v) => v % 4 === index || 7 - (v % 4) === index);

/** Theme and language by their shortcuts, as an operator switches them. */
async function setLook(page: Page, { theme, language }: Combination): Promise<void> {
  if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.keyboard.press('Control+Shift+KeyT');
  if ((await page.locator('html').getAttribute('lang')) !== language) await page.keyboard.press('Control+Shift+KeyL');
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Opens each view, checks it, closes it; every problem as a line. */
async function checkViews(page: Page, deskUrl: string, combination: Combination, views: View[]): Promise<string[]> {
  const problems: string[] = [];
  const { size, theme, language } = combination;
  for (const view of views) {
    // Out of any text field (a search leaves the focus in its box), where F1 and the board's arrows would type.
    await page.keyboard.press('Alt+Digit1');
    await view.open(page, deskUrl);
    problems.push(...(await checkView(page, { name: view.name, scope: view.scope, axe: true, english: language === 'en', screenshot: `${size.name}-${theme}-${language}-${view.name}` })));
    await view.close?.(page);
  }
  return problems;
}

const checks = (language: Combination['language']): string => `no overflow, no serious axe finding${language === 'en' ? ', no untranslated words' : ''}`;

combinations.forEach((combination, index) => {
  const own = spread(deskViews, index);
  test.describe(comboName(combination), () => {
    test.use({ viewport: { width: combination.size.width, height: combination.size.height }, deviceScaleFactor: combination.size.scale });
    test(`${own.map((v) => v.name).join(', ')}: ${checks(combination.language)} (the other views in other combinations, see the file's comment)`, async ({ page, desk }) => {
      await setLook(page, combination);
      expect(await checkViews(page, desk.url, combination, own)).toEqual([]);
    });
  });
});

test.describe('a supervisor signed in to the hub', () => {
  let hub: RunningHub;
  test.beforeAll(async () => {
    // A hub start (migrations, seed, slowly hashed demo accounts) takes a while on a busy machine.
    test.setTimeout(240_000);
    hub = await startHub('pglite');
  });
  test.afterAll(async () => {
    await hub.close();
  });

  test(`${supervisorViews.map((v) => v.name).join(', ')}, each in two opposite combinations of the 8: ${checks('en')}`, async ({ page, desk, browser }) => {
    test.setTimeout(300_000);
    // The hub session is the desk's (its web host's), not the browser's: a page of each size opened on the desk is signed in.
    await signInToHub(page, hub.url, 'sup01');
    const problems: string[] = [];
    for (const size of deskSizes) {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const sized = await context.newPage();
      await sized.goto(desk.url);
      await expect(sized.getByTestId('hub-session')).toHaveAttribute('data-state', 'signed_in');
      for (const [index, combination] of combinations.entries()) {
        if (combination.size !== size) continue;
        await setLook(sized, combination);
        problems.push(...(await checkViews(sized, desk.url, combination, spread(supervisorViews, index))).map((p) => `${comboName(combination)}: ${p}`));
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});

test('every view is checked in two opposite combinations', () => {
  for (const views of [deskViews, supervisorViews]) {
    for (const view of views) {
      const seen = combinations.filter((_, index) => spread(views, index).includes(view));
      expect(seen, view.name).toHaveLength(2);
      expect(new Set(seen.map((c) => c.size.name)).size, `${view.name} sizes`).toBe(2);
      expect(new Set(seen.map((c) => c.theme)).size, `${view.name} themes`).toBe(2);
      expect(new Set(seen.map((c) => c.language)).size, `${view.name} languages`).toBe(2);
    }
  }
});
