import type { HubErrorDetails } from '../../../shared/hub/errors';
import { hubErrorSchema } from '../../../shared/hub/errors';
import type { HubRequest, HubResponse, HubRouteName } from '../../../shared/hub/hub-api';
import { hubApi, hubLiveFeed, hubPath, hubQueryString } from '../../../shared/hub/hub-api';
import { SyncError } from './sync-engine';

/** A route's request parts as its spec declares them; optional when none is required. */
export type CallArguments<K extends HubRouteName> = object extends HubRequest<K> ? [request?: HubRequest<K>] : [request: HubRequest<K>];

/**
 * The desk's hub client, derived from shared/hub/hub-api.ts: a route is called
 * by its name with its params, query and body, and its answer comes back
 * parsed by the route's response schema. The URL and query string are built
 * here and nowhere else in the desk. Every call has a time limit, and every
 * failure becomes a SyncError the status bar can put into words.
 */
export class HubHttp {
  constructor(
    readonly baseUrl: string,
    private readonly token: () => string | null,
    private readonly timeoutMs = 15_000,
    /** Largest answer read (a pull page of 500 long tickets or articles is a few MB); anything larger is refused unread. */
    private readonly maxResponseBytes = HUB_RESPONSE_MAX_BYTES,
  ) {}

  async call<K extends HubRouteName>(route: K, ...[request]: CallArguments<K>): Promise<HubResponse<K>> {
    const spec = hubApi[route];
    const parts = (request ?? {}) as { params?: Parameters<typeof hubPath>[1]; query?: Parameters<typeof hubQueryString>[0]; body?: unknown };
    const path = hubPath(spec.path, parts.params) + hubQueryString(parts.query);
    const cap = 'maxResponseBytes' in spec ? Math.min(spec.maxResponseBytes, this.maxResponseBytes) : this.maxResponseBytes;
    const answer = await this.send(spec.method, path, parts.body, cap);
    const parsed = spec.response.safeParse(answer);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? ` at ${issue.path.join('.') || '(whole answer)'}: ${issue.message}` : '';
      throw new SyncError('HUB_BAD_RESPONSE', `hub answer to ${route} does not match the protocol${where} (versions differ?)`, 'HUB_BAD_RESPONSE');
    }
    return parsed.data as HubResponse<K>;
  }

  /** The live feed's address for this hub (ws: or wss: as the hub's scheme says); the token goes in a header. */
  liveFeedUrl(): URL {
    const url = new URL(hubLiveFeed.path, this.baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return url;
  }

  private async send(method: string, path: string, body: unknown, maxBytes: number): Promise<unknown> {
    const headers: Record<string, string> = {};
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await readCapped(response, maxBytes);
    } catch (error) {
      if (error instanceof SyncError) throw error;
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw timedOut
        ? new SyncError('HUB_UNREACHABLE', `hub did not answer within ${String(this.timeoutMs)} ms`, 'HUB_TIMEOUT')
        : new SyncError('HUB_UNREACHABLE', `hub unreachable: ${error instanceof Error ? error.message : String(error)}`, 'HUB_NETWORK');
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw new SyncError('HUB_BAD_RESPONSE', `hub answered HTTP ${String(response.status)} with something other than JSON`, 'HUB_BAD_RESPONSE');
    }
    if (!response.ok) {
      const parsed = hubErrorSchema.safeParse(json);
      const answer = parsed.success ? parsed.data : null;
      const { error: code, message, reason, ...details } = answer ?? { error: 'INTERNAL' as const, message: '' };
      const said = `HTTP ${String(response.status)}${answer ? ` ${code}${reason ? `/${reason}` : ''}: ${message}` : ''}`;
      throw new HubRequestError(response.status, code, said, { ...details, ...(reason !== undefined ? { hubReason: reason } : {}) });
    }
    return json;
  }
}

/** Default cap on one hub answer. */
export const HUB_RESPONSE_MAX_BYTES = 16 * 1024 * 1024;

/**
 * The body as text, read no further than `maxBytes`: a broken proxy or a hostile server that streams without
 * end costs the desk at most that much memory, and the request fails with its own code instead of an
 * out-of-memory crash of the services. A declared length over the cap is refused before reading anything.
 */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = (): SyncError => new SyncError('HUB_RESPONSE_TOO_LARGE', `hub answer over ${String(Math.round(maxBytes / 1024 / 1024))} MB refused unread`, 'HUB_RESPONSE_TOO_LARGE');
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  // Leaving the loop early cancels the stream (the connection is dropped, nothing more is read).
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    received += chunk.byteLength;
    if (received > maxBytes) throw tooLarge();
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

/** The facts of a hub refusal as the desk keeps them: the hub's reason (read as text) and its details. */
export type HubRequestDetails = Omit<HubErrorDetails, 'reason'> & { hubReason?: string };

/** A 4xx/5xx answer from the hub, with its code, reason and details (a 401 is AUTH_REQUIRED to the sync engine). */
export class HubRequestError extends SyncError {
  readonly hubReason: string | undefined;
  readonly expectedSeq: number | undefined;
  readonly retryAfterS: number | undefined;

  constructor(
    readonly status: number,
    readonly hubCode: string,
    message: string,
    /** Everything the hub said besides its code and message, for the desk to word. */
    readonly details: HubRequestDetails = {},
  ) {
    super(status === 401 ? 'AUTH_REQUIRED' : 'HUB_FAILED', message);
    this.name = 'HubRequestError';
    this.hubReason = details.hubReason;
    this.expectedSeq = details.expectedSeq;
    this.retryAfterS = details.retryAfterS;
  }
}
