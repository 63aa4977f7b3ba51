import { hubLiveFeed } from '../../../shared/hub/hub-api';
import type { FastifyRequest } from 'fastify';
import type { HubContext } from '../hub-context';
import { HubFailure } from '../http/failure';
import { authenticate, bearerToken, errorBody } from '../http/register';
import type { LiveFeed, LiveSocket } from './live-feed';

/** What is needed of the upgraded socket beyond the feed's own use: its first frame. */
type FeedSocket = LiveSocket & { once(event: 'message', listener: (data: Buffer) => void): unknown };
import { seats } from './presence';

/** How long a socket without a header token may take to send its first frame (`{"type":"auth","token":…}`). */
const FIRST_FRAME_MS = 5_000;

/**
 * A supervisor's live feed socket. The token never travels in the URL (URLs
 * end up in request logs and proxies' access logs): a client that can set
 * headers sends `Authorization: Bearer …` with the upgrade (the desk's
 * services), a browser sends it as the first frame. A URL that carries a
 * token is refused outright, so an old client fails loudly rather than leaks.
 */
export function acceptLiveSocket(hub: HubContext, feed: LiveFeed, socket: FeedSocket, request: FastifyRequest): void {
  const refuse = (error: unknown): void => {
    const { body } = errorBody(error as Error);
    socket.send(JSON.stringify(body));
    socket.close(4001, body.error);
  };
  const admit = async (token: string | null): Promise<void> => {
    const user = await authenticate(hub, token);
    if (!hubLiveFeed.roles.includes(user.role)) throw new HubFailure('FORBIDDEN', `role ${user.role} may not watch the live feed`, { reason: 'ROLE_NOT_ALLOWED' });
    const all = await seats(hub);
    feed.add(socket, { type: 'snapshot', seats: all }, user);
  };
  if (new URL(request.url, 'http://hub').searchParams.has('token')) {
    refuse(new HubFailure('UNAUTHENTICATED', 'token in the URL refused; send it in the header or the first frame', { reason: 'TOKEN_IN_URL' }));
    return;
  }
  const header = bearerToken(request);
  if (header) {
    admit(header).catch(refuse);
    return;
  }
  const timer = setTimeout(() => {
    refuse(new HubFailure('UNAUTHENTICATED', 'no token within the first frame', { reason: 'NOT_SIGNED_IN' }));
  }, FIRST_FRAME_MS);
  socket.once('message', (data: Buffer) => {
    clearTimeout(timer);
    let token: string | null = null;
    try {
      const frame = JSON.parse(data.toString('utf8')) as { type?: unknown; token?: unknown };
      if (frame.type === 'auth' && typeof frame.token === 'string') token = frame.token;
    } catch {
      // Not JSON: treated as no token.
    }
    admit(token).catch(refuse);
  });
}
