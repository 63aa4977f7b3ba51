import type { z } from 'zod';
import { hubErrorSchema } from '../../../shared/hub/errors';
import { SyncError } from './sync-engine';

/**
 * The desk's HTTP calls to the hub, with a time limit on every one and every
 * failure turned into a SyncError the status bar can put into words.
 */
export class HubHttp {
  constructor(
    readonly baseUrl: string,
    private readonly token: () => string | null,
    private readonly timeoutMs = 15_000,
  ) {}

  async request<S extends z.ZodType>(method: 'GET' | 'POST' | 'PUT', path: string, schema: S, body?: unknown): Promise<z.output<S>> {
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
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new SyncError('HUB_UNREACHABLE', timedOut ? '中心服务器无响应（超时）' : '无法连接中心服务器');
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw new SyncError('HUB_FAILED', `中心服务器返回了无法识别的内容（HTTP ${String(response.status)}）`);
    }
    if (!response.ok) {
      const parsed = hubErrorSchema.safeParse(json);
      const message = parsed.success ? parsed.data.message : `HTTP ${String(response.status)}`;
      if (response.status === 401) throw new SyncError('AUTH_REQUIRED', message);
      throw new HubRequestError(response.status, parsed.success ? parsed.data.error : 'INTERNAL', message, parsed.success ? parsed.data.expectedSeq : undefined);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncError('HUB_FAILED', '中心服务器的答复不符合协议（版本不一致？）');
    return parsed.data;
  }
}

/** A 4xx/5xx answer from the hub other than 401. */
export class HubRequestError extends SyncError {
  constructor(
    readonly status: number,
    readonly hubCode: string,
    message: string,
    readonly expectedSeq?: number,
  ) {
    super('HUB_FAILED', message);
    this.name = 'HubRequestError';
  }
}
