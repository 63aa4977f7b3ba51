import websocket from '@fastify/websocket';
import { dummyHash } from './auth/passwords';
import { ensureSigningKey, KEYS_CHANNEL, readSigningKeys } from './auth/signing-keys';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import { TokenSigner } from './auth/tokens';
import { readShippedCatalogue, seedCatalogueIfEmpty, seedDemoAccountsIfEmpty, seedDirectoryIfEmpty } from './catalogue/seed';
import { AlertEvaluator } from './alerts/alert-evaluator';
import { Learner } from './learning/learner';
import { migrateHub } from './db/migrations';
import type { Sql } from './db/sql';
import type { HubContext } from './hub-context';
import { errorBody, registerRoutes } from './http/register';
import { LiveFeed } from './presence/live-feed';
import { acceptLiveSocket } from './presence/live-socket';
import { seats } from './presence/presence';
import { hubRoutes } from './routes';
import type { HubError } from '../../shared/hub/errors';
import { hubLiveFeed } from '../../shared/hub/hub-api';
import type { ClosingRule } from '../../shared/tickets/closing';
import { defaultClosingRule } from '../../shared/tickets/closing';

export interface HubOptions {
  sql: Sql;
  /** `resources/` of the repo or the package: the catalogue loaded into an empty database. */
  resourcesDir: string;
  timeZone?: string;
  /** Create the demo centre's accounts in an empty database (demos and tests only). */
  demoAccounts?: boolean;
  /** Largest request body; a push of 500 tickets fits well inside the default. */
  bodyLimitBytes?: number;
  /** A pino logger; none in tests. */
  logger?: FastifyBaseLogger;
  /** Serve TLS itself from this certificate and key (PEM); without it, plain HTTP for a TLS proxy in front. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  now?: () => Date;
  /** How far a desk's createdAt may be from the hub's clock (default 10 minutes); beyond it the receipt time counts. */
  clockToleranceMs?: number;
  /** The centre's rule for an operator's 办结 after a callback (default: solved and satisfied). */
  closingRule?: ClosingRule;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (sign-in throttling counts per address). */
  trustProxy?: boolean;
  version?: string;
  /** Retrain the learned snapshot this often when there is new evidence (none: only on an admin's request). */
  learnIntervalMs?: number;
}

export interface Hub {
  app: FastifyInstance;
  context: HubContext;
  feed: LiveFeed;
  close(): Promise<void>;
}

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;
export const DEFAULT_CLOCK_TOLERANCE_MS = 10 * 60_000;

/** One hub process: migrates, seeds an empty database, serves HTTP and the supervisors' live feed. */
export async function createHub(options: HubOptions): Promise<Hub> {
  const { sql } = options;
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  await migrateHub(sql);
  const shipped = readShippedCatalogue(options.resourcesDir);
  await seedCatalogueIfEmpty(sql, shipped);
  await seedDirectoryIfEmpty(sql, shipped.directory);
  if (options.demoAccounts) await seedDemoAccountsIfEmpty(sql);
  const signer = new TokenSigner(await ensureSigningKey(sql), () => readSigningKeys(sql));
  // Until the Fastify logger exists (just below), background failures go to stderr.
  let logError = (error: unknown, what: string): void => {
    console.error(what, error);
  };
  const now = options.now ?? (() => new Date());
  const reportError = (error: unknown, what: string): void => {
    logError(error, what);
  };
  const alerts = new AlertEvaluator(sql, now, reportError);
  const learner = new Learner(sql, now, reportError);
  if (options.learnIntervalMs) learner.start(options.learnIntervalMs);
  const context: HubContext = {
    sql,
    signer,
    dummyPasswordHash: dummyHash(),
    now,
    timeZone,
    clockToleranceMs: options.clockToleranceMs ?? DEFAULT_CLOCK_TOLERANCE_MS,
    closingRule: options.closingRule ?? defaultClosingRule,
    version: options.version ?? '0.1.0',
    reportError,
    scheduleAlerts: (touched) => {
      alerts.schedule(touched);
    },
    retrainLearned: () => learner.retrain(),
  };

  const app = Fastify({
    // Fastify types an HTTPS instance apart from an HTTP one; routes and hooks are the same for both.
    ...((options.tls ? { https: { cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' } } : {}) as object),
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // A crafted "__proto__" or "constructor" key is refused outright rather than silently dropped.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  logError = (error, what) => {
    app.log.error({ err: error }, what);
  };
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = errorBody(error as Error);
    if (status >= 500) request.log.error({ err: error }, 'hub request failed');
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply.status(404).send({ error: 'NOT_FOUND', reason: 'ROUTE_NOT_FOUND', message: 'no such route' } satisfies HubError);
  });

  const feed = new LiveFeed();
  await feed.start(sql, async () => ({ type: 'snapshot', seats: await seats(context) }));
  // A rotation on any process: every process signs with the new key from now on.
  const stopKeys = await sql.listen(KEYS_CHANNEL, () => {
    readSigningKeys(sql).then(
      (keys) => {
        signer.replaceKeys(keys);
      },
      (error: unknown) => {
        reportError(error, 'reloading signing keys');
      },
    );
  });
  await app.register(websocket, { options: { maxPayload: 4096 } });
  app.get(hubLiveFeed.path, { websocket: true }, (socket, request) => {
    acceptLiveSocket(context, feed, socket, request);
  });

  registerRoutes(app, context, hubRoutes);

  return {
    app,
    context,
    feed,
    close: async () => {
      await stopKeys();
      await feed.stop();
      await app.close();
      // Counts already asked for finish before the caller closes the database under them.
      await alerts.idle();
      await learner.stop();
    },
  };
}
