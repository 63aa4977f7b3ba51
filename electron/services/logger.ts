import path from 'node:path';
import pino from 'pino';

export type DeskLogger = pino.Logger;

export interface LoggerOptions {
  /** Folder for rotated log files; omit to log to standard output only (web host in a terminal, tests). */
  dir?: string;
  level?: pino.LevelWithSilent;
  /** Also echo to standard output (handy when running the web host by hand). */
  stdout?: boolean;
}

/**
 * Structured JSON logs through pino, rolled daily and at 10 MB by pino-roll,
 * keeping two weeks of files: enough to look back over a full four-shift cycle
 * when a desk reports a problem, small enough never to fill an operator's disk.
 */
export function createLogger(options: LoggerOptions = {}): DeskLogger {
  const level = options.level ?? 'info';
  const targets: pino.TransportTargetOptions[] = [];
  if (options.dir) {
    targets.push({
      target: 'pino-roll',
      level,
      options: {
        file: path.join(options.dir, 'desk.log'),
        frequency: 'daily',
        size: '10m',
        limit: { count: 14 },
        mkdir: true,
      },
    });
  }
  if (options.stdout || !options.dir) targets.push({ target: 'pino/file', level, options: { destination: 1 } });
  return pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, pino.transport({ targets }));
}

/** How collaborators report a failure they worked around: the message, and the error's text under `err`. */
export function warnTo(logger: DeskLogger): (message: string, err: unknown) => void {
  return (message, err) => {
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, message);
  };
}
