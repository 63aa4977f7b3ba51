import { afterAll, beforeAll } from 'vitest';
import type { RunningHub } from './hub-harness';
import { hubClient, startHub } from './hub-harness';
import type { ThrowAwayPostgres } from './postgres';
import { startThrowAwayPostgres } from './postgres';

export interface HubSuite {
  readonly running: RunningHub;
  readonly call: ReturnType<typeof hubClient>;
}

/**
 * One hub with the demo accounts on a throw-away PostgreSQL cluster for a
 * whole test file: started before its tests, stopped after. Read `running`
 * and `call` inside the tests (they exist once the suite has started).
 */
export function postgresHubSuite(): HubSuite {
  let server: ThrowAwayPostgres | null = null;
  let running: RunningHub | null = null;
  let call: ReturnType<typeof hubClient> | null = null;
  beforeAll(async () => {
    server = await startThrowAwayPostgres();
    running = await startHub('postgres', server);
    call = hubClient(running.url);
  }, 90_000);
  afterAll(async () => {
    await running?.close();
    server?.stop();
  });
  const started = <T>(value: T | null): T => {
    if (value === null) throw new Error('the hub suite has not started (read it inside a test)');
    return value;
  };
  return {
    get running() {
      return started(running);
    },
    get call() {
      return started(call);
    },
  };
}
