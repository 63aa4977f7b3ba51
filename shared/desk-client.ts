import type { DeskEventName, DeskEventPayload, DeskInput, DeskMethod, DeskOutput } from './desk-api';
import { deskMethodTimeouts } from './desk-methods';
import type { Result } from './result';
import { fail } from './result';

/** What the renderer sees as `window.desk` (or the WebSocket client in a browser). */
export type DeskApi = {
  [M in DeskMethod]: (...args: DeskInput<M> extends undefined ? [] : [input: DeskInput<M>]) => Promise<Result<DeskOutput<M>>>;
} & {
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends DeskEventName>(event: E, listener: (payload: DeskEventPayload<E>) => void): () => void;
};

/** The one thing a transport must do: deliver a call and bring back its result (or time out). */
export type DeskTransport = (method: DeskMethod, input: unknown, timeoutMs: number) => Promise<Result<unknown>>;
export type DeskSubscribe = (event: DeskEventName, listener: (payload: unknown) => void) => () => void;

/** Builds a `DeskApi` from a transport, one function per method in the contract (no zod: see desk-methods.ts). */
export function createDeskClient(transport: DeskTransport, subscribe: DeskSubscribe): DeskApi {
  const api: Record<string, unknown> = {
    on: (event: DeskEventName, listener: (payload: unknown) => void) => subscribe(event, listener),
  };
  for (const [name, timeoutMs] of Object.entries(deskMethodTimeouts) as [DeskMethod, number][]) {
    api[name] = (input?: unknown) => transport(name, input, timeoutMs);
  }
  return api as DeskApi;
}

/** Races a call against its time limit so no caller ever waits forever. */
export function withTimeout<T>(promise: Promise<Result<T>>, timeoutMs: number, method: string): Promise<Result<T>> {
  let timer: unknown;
  const timeout = new Promise<Result<T>>((resolve) => {
    timer = setTimeout(() => {
      resolve(fail('TIMEOUT', `${method} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}
