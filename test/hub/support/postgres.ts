import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface ThrowAwayPostgres {
  url: string;
  stop(): void;
  /**
   * Stops the server (every connection dropped, as a restart for maintenance does) and starts it again on the
   * same port and data; `downMs` is how long it stays down.
   */
  restart(downMs?: number): Promise<void>;
}

/** Debian's server binaries (`apt-get install postgresql`); the newest version when several are installed. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql: apt-get install postgresql');
  return path.join(root, newest, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export interface ThrowAwayOptions {
  /** Keep fsync on (as a production server runs), e.g. to measure durable commits; off by default. */
  fsync?: boolean;
}

/**
 * A private PostgreSQL cluster for one test file: initdb into a temp folder,
 * listening on 127.0.0.1 on a free port (and a socket in its own folder),
 * fsync off because it is thrown away (unless asked to keep it). As root, the
 * server runs as the `postgres` user (PostgreSQL refuses to run as root).
 */
export async function startThrowAwayPostgres(options: ThrowAwayOptions = {}): Promise<ThrowAwayPostgres> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]): void => {
    const command = asRoot ? 'runuser' : path.join(bin, tool);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    const result = spawnSync(command, fullArgs, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed (${String(result.status)}): ${result.stderr || result.stdout}`);
  };
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  run('initdb', ['-D', data, '-U', 'hub', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const start = (): void => {
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '30', '-o', `${options.fsync ? '' : '-F '}-h 127.0.0.1 -p ${port} -k ${dir}`, 'start']);
  };
  start();
  return {
    url: `postgres://hub@127.0.0.1:${port}/postgres`,
    restart: async (downMs = 0) => {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
      start();
    },
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
