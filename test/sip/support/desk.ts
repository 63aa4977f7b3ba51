import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { AppStateStore } from '../../../electron/services/app-state';
import { closeDatabase, openDatabase } from '../../../electron/services/db/database';
import { PhoneSettingsService } from '../../../electron/services/phone/phone-settings-service';
import { FileKeySecretStore } from '../../../electron/services/phone/secret-store';
import type { PhoneSettingsPatch } from '../../../shared/phone/phone-settings';
import type { RunningWebHost } from '../../support/web-host';
import { startBuiltWebHost } from '../../support/web-host';
import type { Peer } from './peer/peer-ua';

export interface DeskPhone {
  host: RunningWebHost;
  /** The workbench tab (a test may swap in another tab of the same desk). */
  page: Page;
  close(): Promise<void>;
}

/**
 * A desk (the built web host with its own data dir) whose phone account is
 * saved before start, the way an installed desk starts a shift; then the
 * workbench opened in a fresh browser context.
 */
export async function startDeskPhone(browser: Browser, account: PhoneSettingsPatch, options: { initScript?: string; screen?: { width: number; height: number; scale: number } } = {}): Promise<DeskPhone> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-phone-'));
  const db = openDatabase(path.join(dataDir, 'desk.sqlite3'));
  new PhoneSettingsService(new AppStateStore(db), new FileKeySecretStore(dataDir)).update(account);
  closeDatabase(db);
  const host = await startBuiltWebHost({ dataDir });
  const screen = options.screen ?? { width: 1600, height: 900, scale: 1 };
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: screen.width, height: screen.height }, deviceScaleFactor: screen.scale });
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const page = await context.newPage();
  await page.goto(host.url);
  return {
    host,
    page,
    close: async () => {
      await context.close();
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

declare global {
  interface Window {
    peer: Peer;
    deskPhone: {
      registration(): string;
      registrationHistory(): string[];
      ringing(): boolean;
      calls(): { id: string; phase: string; remoteNumber: string; muted: boolean }[];
      stats(id?: string): Promise<{ bytesReceived: number; bytesSent: number; packetsReceived: number; iceState: string; signalingState: string; localUfrag: string } | null>;
      directions(id?: string): (string | null)[];
      senderEnabled(id?: string): boolean[];
    };
  }
}

/** A second (third …) phone: the peer user agent page in its own context. */
export async function startPeer(browser: Browser, url: string, options: { user: string; server: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'peer' in window);
  await page.evaluate((o) => window.peer.start({ ...o, domain: '127.0.0.1' }), options);
  return page;
}

/** Inbound audio bytes of the desk's focused call now, then again once they have grown (media is flowing in). */
export async function deskInboundGrows(page: Page): Promise<void> {
  const first = await page.evaluate(async () => (await window.deskPhone.stats())?.bytesReceived ?? 0);
  await page.waitForFunction(async (before) => ((await window.deskPhone.stats())?.bytesReceived ?? 0) > before, first, { timeout: 10_000, polling: 100 });
}

export async function peerInboundGrows(page: Page): Promise<void> {
  const first = await page.evaluate(async () => (await window.peer.stats()).bytesReceived);
  await page.waitForFunction(async (before) => (await window.peer.stats()).bytesReceived > before, first, { timeout: 10_000, polling: 100 });
}

/** Resolves once the desk's call renegotiated with a new ICE ufrag (an ICE restart) and the offer/answer is complete. */
export async function iceRestarted(page: Page, ufragBefore: string | undefined): Promise<void> {
  await page.waitForFunction(
    async (before) => {
      const stats = await window.deskPhone.stats();
      return stats !== null && stats.localUfrag !== before && stats.signalingState === 'stable';
    },
    ufragBefore,
    { timeout: 15_000, polling: 50 },
  );
}
