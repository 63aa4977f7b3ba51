import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHub } from './app';
import { DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS, connectPostgres } from './db/pg-driver';
import { openPglite } from './db/pglite-driver';
import { hubLogger } from './http/hub-logger';
import { demoEnrolmentCodes } from './desks/enrolment';

/**
 * Starts one hub process. Configuration by environment:
 *   HUB_DATABASE_URL  postgres://… (production; start as many processes as needed on one database)
 *   HUB_DATA_DIR      folder of the embedded PGlite database when no URL is given (default ./hub-data)
 *   HUB_HOST, HUB_PORT  where to listen (default 127.0.0.1:8720)
 *   HUB_DEMO_ACCOUNTS=1  create the demo accounts in an empty database
 *   HUB_RESOURCES     the shipped data folder (default: resources/ of the repo)
 *   HUB_TRUST_PROXY=1  behind a reverse proxy: the client's address (sign-in throttling) comes from X-Forwarded-For
 *   HUB_TLS_CERT, HUB_TLS_KEY  PEM files: serve https:// itself (otherwise plain HTTP behind a TLS proxy)
 *   HUB_STATEMENT_TIMEOUT_MS  PostgreSQL cancels a statement running longer (default 30000; 0 = no limit)
 *   HUB_IDLE_IN_TRANSACTION_TIMEOUT_MS  and ends a session idle inside a transaction longer (default 60000; 0 = no limit)
 *   HUB_LEARN_INTERVAL_MS  retrain the learned snapshot this often when there is new evidence (default 3600000; 0 = only on request)
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
const logger = hubLogger(env.HUB_LOG_LEVEL ?? 'info');
const sql = env.HUB_DATABASE_URL
  ? connectPostgres(env.HUB_DATABASE_URL, {
      statementTimeoutMs: millisecondsSetting('HUB_STATEMENT_TIMEOUT_MS', DEFAULT_STATEMENT_TIMEOUT_MS),
      idleInTransactionTimeoutMs: millisecondsSetting('HUB_IDLE_IN_TRANSACTION_TIMEOUT_MS', DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS),
    })
  : await openPglite(path.resolve(env.HUB_DATA_DIR ?? 'hub-data'));
const tls = tlsFiles(env.HUB_TLS_CERT, env.HUB_TLS_KEY);
const hub = await createHub({
  sql,
  ...(tls ? { tls } : {}),
  resourcesDir: env.HUB_RESOURCES ?? path.resolve(here, '..', '..', 'resources'),
  demoAccounts: env.HUB_DEMO_ACCOUNTS === '1',
  logger,
  timeZone: env.HUB_TIME_ZONE ?? 'Asia/Shanghai',
  trustProxy: env.HUB_TRUST_PROXY === '1',
  learnIntervalMs: millisecondsSetting('HUB_LEARN_INTERVAL_MS', 60 * 60_000),
});
const port = Number(env.HUB_PORT ?? 8720);
const address = await hub.app.listen({ host: env.HUB_HOST ?? '127.0.0.1', port });
logger.info({ address, driver: sql.driver, tls: tls !== null }, 'hub listening');
if (env.HUB_DEMO_ACCOUNTS === '1') {
  // A newcomer's desk needs a code to act for a seat; more come from `npm run hub:admin -- desks enrol`.
  for (const { seat, code, expiresAt } of await demoEnrolmentCodes(hub.context, 3)) {
    logger.info({ seat, code, expiresAt }, `演示座席登记码（一次性）：${seat} ${code}`);
  }
}

/** A whole number of milliseconds from the environment, or the default; anything else stops the start with a clear message. */
function millisecondsSetting(name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of milliseconds (0 = no limit), got "${text}"`);
  return value;
}

function tlsFiles(cert: string | undefined, key: string | undefined): { cert: Buffer; key: Buffer } | null {
  if (!cert && !key) return null;
  if (!cert || !key) throw new Error('HUB_TLS_CERT and HUB_TLS_KEY go together (PEM certificate chain and private key)');
  return { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
}

const shutdown = (): void => {
  void hub
    .close()
    .then(() => sql.close())
    .finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
