import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface Daemon {
  readonly name: string;
  readonly child: ChildProcess;
  /** SIGTERM, then SIGKILL after 3 s; resolves when the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL at once, the way a crashed proxy disappears. */
  kill(): Promise<void>;
}

/** Checks that the Debian packages the rig needs are installed; the test run never installs anything itself. */
export function requireBinaries(): void {
  const needed: Record<string, string> = { kamailio: 'kamailio kamailio-websocket-modules', rtpengine: 'rtpengine-daemon', sipp: 'sip-tester' };
  const missing = Object.entries(needed).filter(([bin]) => !['/usr/sbin', '/usr/bin', '/sbin', '/bin'].some((dir) => fs.existsSync(`${dir}/${bin}`)));
  if (missing.length > 0) {
    throw new Error(`SIP test rig: missing ${missing.map(([b]) => b).join(', ')}; install the Debian packages: apt-get install ${missing.map(([, p]) => p).join(' ')}`);
  }
  if (!fs.existsSync('/usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so')) {
    throw new Error('SIP test rig: kamailio websocket module missing; apt-get install kamailio-websocket-modules');
  }
}

function groupAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts a foreground daemon with its output in `logFile`; it is stopped by its own PID only. */
export function startDaemon(name: string, command: string, args: string[], logFile: string): Daemon {
  const log = fs.openSync(logFile, 'a');
  // Its own process group: Kamailio forks workers, and a crash test must take them all down with the main process.
  const child = spawn(command, args, { stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => { resolve(); });
  });
  const signal = async (sig: NodeJS.Signals, escalateAfterMs: number): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const group = (s: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, s);
      } catch {
        // already gone
      }
    };
    group(sig);
    const timer = setTimeout(() => {
      group('SIGKILL');
    }, escalateAfterMs);
    await exited;
    clearTimeout(timer);
    // The workers may outlive the main process by a moment; make sure none keeps the ports.
    group('SIGKILL');
    for (let i = 0; i < 200 && groupAlive(child.pid); i++) await new Promise((r) => setTimeout(r, 10));
  };
  return { name, child, stop: () => signal('SIGTERM', 3_000), kill: () => signal('SIGKILL', 1_000) };
}
