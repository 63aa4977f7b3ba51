import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { DeskPhone } from './support/desk';
import { startDeskPhone, startPeer } from './support/desk';
import type { PeerServer } from './support/peer/peer-server';
import { startPeerServer } from './support/peer/peer-server';
import type { SipRig } from './support/sip-rig';
import { startSipRig } from './support/sip-rig';

/**
 * Records, in the desk's page, every microphone track getUserMedia opens and every track handed to a call's
 * connection, so the test sees when the device was opened, by whom it was used and whether it was closed.
 */
const RECORD_MEDIA = `(() => {
  const opened = [];
  const sent = [];
  window.__media = {
    opened: () => opened.map((t) => ({ id: t.id, live: t.readyState === 'live' })),
    sent: () => [...sent],
  };
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    opened.push(...stream.getAudioTracks());
    return stream;
  };
  const addTrack = RTCPeerConnection.prototype.addTrack;
  RTCPeerConnection.prototype.addTrack = function (track, ...streams) {
    sent.push(track.id);
    return addTrack.call(this, track, ...streams);
  };
  const replaceTrack = RTCRtpSender.prototype.replaceTrack;
  RTCRtpSender.prototype.replaceTrack = function (track) {
    if (track) sent.push(track.id);
    return replaceTrack.call(this, track);
  };
})();`;

declare global {
  interface Window {
    __media: { opened(): { id: string; live: boolean }[]; sent(): string[] };
  }
}

/** The microphone opens while a call rings (answering does not wait for the device) and is never left open. */
test.describe.serial('microphone on the ring', () => {
  let rig: SipRig;
  let peers: PeerServer;
  let desk: DeskPhone;
  let caller: Page;

  test.beforeAll(async ({ browser }) => {
    rig = await startSipRig();
    peers = await startPeerServer();
    desk = await startDeskPhone(browser, { serverUri: rig.wsUrl, domain: rig.domain, extension: '1001', afterCallWorkSeconds: 0 }, { initScript: RECORD_MEDIA });
    caller = await startPeer(browser, peers.url, { user: '1002', server: rig.wsUrl, password: '' });
    await expect(desk.page.getByTestId('phone-state')).toHaveText('已注册');
  });

  test.afterAll(async () => {
    await caller.evaluate(() => window.peer.stop()).catch(() => undefined);
    await desk.close();
    await peers.close();
    await rig.stop();
  });

  test('opened while ringing, used by the answer without opening it again, closed when the call ends', async () => {
    const { page } = desk;
    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await expect.poll(() => page.evaluate(() => window.__media.opened())).toEqual([{ id: expect.any(String), live: true }]);
    const [warmed] = await page.evaluate(() => window.__media.opened());

    await page.keyboard.press('F6');
    await expect(page.getByTestId('call-controls')).toHaveAttribute('data-phase', 'active');
    expect(await page.evaluate(() => window.__media.sent())).toEqual([warmed?.id]);
    expect(await page.evaluate(() => window.__media.opened())).toHaveLength(1);

    await caller.evaluate(() => window.peer.hangup());
    await expect(page.getByTestId('call-controls')).toBeHidden();
    await expect.poll(() => page.evaluate(() => window.__media.opened().filter((t) => t.live))).toEqual([]);
  });

  test('a ring nobody answers closes the microphone it opened', async () => {
    const { page } = desk;
    const before = (await page.evaluate(() => window.__media.opened())).length;
    await caller.evaluate(() => { window.peer.call('sip:1001@127.0.0.1'); });
    await expect(page.getByTestId('screen-pop')).toHaveAttribute('data-phase', 'ringing');
    await expect.poll(() => page.evaluate(() => window.__media.opened().filter((t) => t.live).length)).toBe(1);
    expect(await page.evaluate(() => window.__media.opened())).toHaveLength(before + 1);

    await caller.evaluate(() => window.peer.hangup());
    await expect(page.getByTestId('screen-pop')).not.toHaveAttribute('data-phase', 'ringing');
    await expect.poll(() => page.evaluate(() => window.__media.opened().filter((t) => t.live))).toEqual([]);
  });
});
