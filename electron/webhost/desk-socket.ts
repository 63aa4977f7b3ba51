import type WebSocket from 'ws';
import type { DeskHandlers, InvokeLogger } from '../../shared/desk-handlers';
import { invokeDeskMethod } from '../../shared/desk-handlers';
import { fail } from '../../shared/result';
import type { WireEvent, WireResponse } from '../../shared/wire';
import { MAX_FRAME_BYTES, wireRequestSchema } from '../../shared/wire';

/**
 * Serves DeskApi over one WebSocket: each text frame is a request
 * `{id, method, input}`, answered by `{id, result}`. A frame that is not a
 * well-formed request is answered with `id: null` and an INVALID_INPUT error
 * and never reaches a handler.
 */
/** The part of a `ws` socket this module uses; @fastify/websocket hands over its own `ws` instance. */
export interface DeskSocket {
  readonly readyState: number;
  send(data: string): void;
  on(event: 'message', listener: (data: WebSocket.RawData, isBinary: boolean) => void): unknown;
}

const OPEN = 1;

export function serveDeskSocket(socket: DeskSocket, handlers: DeskHandlers, log: InvokeLogger): (event: WireEvent) => void {
  const send = (frame: WireResponse | WireEvent): void => {
    if (socket.readyState === OPEN) socket.send(JSON.stringify(frame));
  };

  socket.on('message', (data, isBinary) => {
    void (async () => {
      const text = isBinary ? null : rawText(data);
      if (text === null || text.length > MAX_FRAME_BYTES) {
        send({ id: null, result: fail('INVALID_INPUT', 'frame must be UTF-8 JSON text of at most 1 MiB') });
        return;
      }
      let parsedJson: unknown;
      try {
        parsedJson = JSON.parse(text);
      } catch {
        log.warn({ length: text.length }, 'desk socket: frame is not JSON');
        send({ id: null, result: fail('INVALID_INPUT', 'frame is not valid JSON') });
        return;
      }
      const request = wireRequestSchema.safeParse(parsedJson);
      if (!request.success) {
        log.warn({}, 'desk socket: malformed request frame');
        send({ id: null, result: fail('INVALID_INPUT', 'frame must be {id, method, input}') });
        return;
      }
      const { id, method, input } = request.data;
      send({ id, result: await invokeDeskMethod(handlers, method, input, log) });
    })();
  });

  return send;
}

function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
