import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningWebHost {
  /** The printed address: it carries this launch's secret; `${url}/?view=board` opens another page with it. */
  url: string;
  /** The origin alone (answers nothing without the secret's cookie). */
  origin: string;
  dataDir: string;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s) and removes the data dir unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

const WEBHOST = path.resolve('dist/webhost/webhost.cjs');

/**
 * Starts the built web host (`npm run build` first) on a free loopback port
 * with its own data dir, as a real separate process: the same way an operator
 * runs `npm run web`.
 */
export async function startBuiltWebHost(options: { dataDir?: string } = {}): Promise<RunningWebHost> {
  if (!fs.existsSync(WEBHOST)) throw new Error(`${WEBHOST} is missing: run \`npm run build\` first`);
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'desk-web-'));
  const child = spawn(process.execPath, [WEBHOST, '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`web host did not start within 20 s:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /desk web host ready at (http:\/\/[\d.:]+\/open\/[A-Za-z0-9_-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    stop: async ({ keepData = false } = {}) => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (!keepData && !options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
