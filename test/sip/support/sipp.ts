import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './ports';

const SCENARIOS = path.join(import.meta.dirname, '..', 'sipp');

export interface SippRun {
  /** Resolves with sipp's exit code (0 = every call of the scenario succeeded). */
  done: Promise<number>;
  /** sipp's message trace so far (for failure messages). */
  trace(): string;
  kill(): void;
}

/**
 * Runs a sipp scenario from test/sip/sipp against the rig's UDP port, on
 * loopback with its own free SIP and media ports; bounded by its own -timeout.
 */
export async function runSipp(options: { scenario: string; proxyPort: number; service: string; dir: string; params?: Record<string, string>; timeoutS?: number; port?: number }): Promise<SippRun> {
  // A UAS listens where the rig sends its calls (`gatewayPort`); a UAC on any free port.
  const [port, mediaPort] = [options.port ?? (await freePort()), await freePort()];
  const name = path.basename(options.scenario, '.xml');
  // sipp takes no variables in attributes such as timeouts: fill {{NAME}} placeholders into a copy.
  let xml = fs.readFileSync(path.join(SCENARIOS, options.scenario), 'utf8');
  for (const [key, value] of Object.entries(options.params ?? {})) xml = xml.replaceAll(`{{${key}}}`, value);
  const scenarioFile = path.join(options.dir, `${name}-${port}.xml`);
  fs.writeFileSync(scenarioFile, xml);
  const messageFile = path.join(options.dir, `sipp-${name}-${port}.log`);
  const args = [
    `127.0.0.1:${options.proxyPort}`, '-sf', scenarioFile, '-s', options.service,
    '-p', String(port), '-i', '127.0.0.1', '-mi', '127.0.0.1', '-mp', String(mediaPort),
    '-m', '1', '-l', '1', '-timeout', `${options.timeoutS ?? 30}s`, '-timeout_error', '-nostdin',
    '-trace_msg', '-message_file', messageFile, '-trace_err', '-error_file', path.join(options.dir, `sipp-${name}-${port}.err`),
  ];
  const child = spawn('sipp', args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: options.dir });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<number>((resolve) => {
    child.once('exit', (code) => {
      resolve(code ?? -1);
    });
  });
  return {
    done,
    trace: () => `${stderr}\n${fs.existsSync(messageFile) ? fs.readFileSync(messageFile, 'utf8').slice(-12_000) : ''}`,
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * The RTP payloads (A-law) of sipp's bundled G.711 capture, as one raw file
 * for `rtp_stream` (continuous sequence numbers, loops forever; replaying the
 * pcap twice would trip SRTP replay protection after rtpengine).
 */
export function writeToneFile(dir: string): string {
  const pcap = fs.readFileSync('/usr/share/sip-tester/g711a.pcap');
  const payloads: Buffer[] = [];
  let offset = 24;
  while (offset + 16 <= pcap.length) {
    const captured = pcap.readUInt32LE(offset + 8);
    const frame = pcap.subarray(offset + 16, offset + 16 + captured);
    offset += 16 + captured;
    const ipHeader = ((frame[14] ?? 0) & 0x0f) * 4;
    const rtp = frame.subarray(14 + ipHeader + 8);
    if (rtp.length > 12 && ((rtp[1] ?? 0) & 0x7f) === 8) payloads.push(rtp.subarray(12));
  }
  const file = path.join(dir, 'tone.alaw');
  fs.writeFileSync(file, Buffer.concat(payloads));
  return file;
}
