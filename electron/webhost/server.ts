import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { contentSecurityPolicy } from '../../shared/csp';
import { DESK_WS_PATH, MAX_FRAME_BYTES } from '../../shared/wire';
import type { DeskServices } from '../services/desk-services';
import type { DeskLogger } from '../services/logger';
import { serveDeskSocket } from './desk-socket';
import { launchGate } from './launch-secret';
import { DeskFailure, fail } from '../../shared/result';

export interface WebHostOptions {
  services: DeskServices;
  logger: DeskLogger;
  /** The built renderer (`dist/renderer`). */
  staticDir: string;
  port: number;
  /** Always loopback: the web host is a development and test harness, never a network service. */
  host?: '127.0.0.1' | '::1';
}

export interface WebHost {
  /** The origin (pages and the socket answer only with the launch secret's cookie). */
  url: string;
  /** The address to open: it carries this launch's secret, sets the cookie and goes on to the page. */
  openUrl: string;
  /** This launch's secret (tests send it as the cookie themselves). */
  secret: string;
  close(): Promise<void>;
}

/**
 * Runs the desk's services behind the built renderer in a plain Node process,
 * so the workbench can be used and tested in any Chromium. A secret made at
 * each launch (in the address it prints, as notebook servers do) is required on
 * every page and on the DeskApi socket: any local process can set an Origin
 * header, but only whoever saw the printed address holds the secret. The
 * Origin check stays as well (a page of another site cannot use the cookie).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { services, logger } = options;
  // Fastify logs every request at info; a desk's log keeps warnings and errors from the host.
  const app = Fastify({ loggerInstance: logger.child({ component: 'webhost' }, { level: 'warn' }) });
  const host = options.host ?? '127.0.0.1';
  const secret = randomBytes(24).toString('base64url');
  app.addHook('onRequest', launchGate(secret));

  app.addHook('onSend', async (_request, reply) => {
    // The SIP proxy's WebSocket origin comes from the phone settings; a changed server needs a reload.
    reply.header('Content-Security-Policy', contentSecurityPolicy(services.phone.settings.connectSources()));
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_FRAME_BYTES } });
  await app.register(fastifyStatic, { root: path.resolve(options.staticDir), index: 'index.html' });

  const handlers = services.handlers({
    setKnowledgePaneDetached: () => {
      throw new DeskFailure('UNSUPPORTED', 'only the desktop app can move the knowledge pane to its own window');
    },
    // No native windows here: the page opens the board as a browser tab of its own.
    openSeatBoard: () => ({ openedByHost: false }),
  });

  let allowedOrigin = '';
  app.get(DESK_WS_PATH, {
    websocket: true,
    preValidation: async (request, reply) => {
      if (request.headers.origin !== allowedOrigin) {
        logger.warn({ origin: request.headers.origin }, 'web host: refused DeskApi socket from a foreign origin');
        await reply.code(403).send(fail('FORBIDDEN_SENDER', 'origin not allowed'));
      }
    },
  }, (socket) => {
    const push = serveDeskSocket(socket, handlers, logger);
    const remove = services.addEventSink((event, payload) => push({ event, payload }));
    socket.on('close', remove);
  });

  const address = await app.listen({ host, port: options.port });
  const url = new URL(address);
  allowedOrigin = url.origin;
  logger.info({ url: url.origin }, 'web host listening');
  return {
    url: url.origin,
    openUrl: `${url.origin}/open/${secret}`,
    secret,
    close: async () => {
      await app.close();
    },
  };
}
