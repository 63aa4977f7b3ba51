import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kamailioConfig } from './kamailio-config';
import { freePort, waitForTcp, waitForUdp } from './ports';
import type { Daemon } from './processes';
import { requireBinaries, startDaemon } from './processes';

export interface SipRig {
  /** Kamailio's WebSocket listener, e.g. `ws://127.0.0.1:40123`. */
  wsUrl: string;
  wsPort: number;
  sipPort: number;
  /** Where calls to extension 2000 and to outside numbers are sent (start a sipp UAS here). */
  gatewayPort: number;
  /** SIP domain of the test accounts. */
  domain: '127.0.0.1';
  dir: string;
  /** Kills Kamailio (SIGKILL, like a crash); registrations are lost (in-memory location table). */
  killProxy(): Promise<void>;
  /** Starts Kamailio again on the same ports with the same config. */
  startProxy(): Promise<void>;
  /** Stops everything and removes the temp dir (logs are kept when `keepLogs`). */
  stop(options?: { keepLogs?: boolean }): Promise<void>;
}

export interface SipRigOptions {
  /** Require digest auth from WebSocket clients with this password. */
  password?: string;
}

/**
 * Kamailio (registrar/proxy, UDP + WS) and rtpengine (userspace, WebRTC ⇄ RTP
 * bridge), both on 127.0.0.1 and free ports, configs generated into a temp dir.
 * Requires the Debian packages `kamailio kamailio-websocket-modules rtpengine-daemon sip-tester`.
 */
export async function startSipRig(options: SipRigOptions = {}): Promise<SipRig> {
  requireBinaries();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-rig-'));
  const [sipPort, wsPort, ngPort, gatewayPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  // rtpengine's media ports: a block away from the ephemeral range, chosen per run so parallel rigs rarely collide.
  const mediaBase = 20_000 + Math.floor(Math.random() * 40) * 200;
  const daemons: Daemon[] = [];

  const rtpengine = startDaemon(
    'rtpengine',
    'rtpengine',
    ['--config-file=none', '--foreground', '--log-stderr', '--log-level=5', '--table=-1', '--interface=127.0.0.1', `--listen-ng=127.0.0.1:${ngPort}`, `--port-min=${mediaBase}`, `--port-max=${mediaBase + 199}`, '--delete-delay=0', `--pidfile=${path.join(dir, 'rtpengine.pid')}`],
    path.join(dir, 'rtpengine.log'),
  );
  daemons.push(rtpengine);
  await waitForUdp(ngPort);

  const configFile = path.join(dir, 'kamailio.cfg');
  fs.writeFileSync(configFile, kamailioConfig({ sipPort, wsPort, rtpengineNgPort: ngPort, gatewayPort, ...(options.password === undefined ? {} : { password: options.password }) }));
  const runDir = path.join(dir, 'run');
  fs.mkdirSync(runDir);
  let kamailio: Daemon | null = null;
  const startProxy = async (): Promise<void> => {
    kamailio = startDaemon('kamailio', 'kamailio', ['-f', configFile, '-Y', runDir, '-P', path.join(runDir, 'kamailio.pid'), '-DD', '-E', '-m', '64', '-M', '8'], path.join(dir, 'kamailio.log'));
    await Promise.all([waitForUdp(sipPort), waitForTcp(wsPort)]);
  };
  await startProxy();

  return {
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    wsPort,
    sipPort,
    gatewayPort,
    domain: '127.0.0.1',
    dir,
    killProxy: async () => {
      await kamailio?.kill();
      kamailio = null;
    },
    startProxy,
    stop: async ({ keepLogs = false } = {}) => {
      await kamailio?.stop();
      for (const daemon of daemons.reverse()) await daemon.stop();
      if (!keepLogs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
