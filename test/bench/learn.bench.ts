/**
 * The hub's retraining of the learned snapshot: how long it takes over a centre's ticket history, and what it
 * costs the requests that arrive meanwhile (training is CPU; it runs in slices so they are served between pages).
 *
 * A real hub on a throw-away PostgreSQL. TICKETS dispatches (the held-out tickets' texts, cycled) are pushed by
 * a desk as register + transfer, then signed for by their leads (written directly as the hub's accept events, as
 * `POST /v1/tickets/:id/accept` records them: the bench measures the training, not 4,000 sign-offs). Measured in
 * the same run: `GET /v1/health` one after another while the hub is idle and while it retrains, and a desk's
 * version check (`GET /v1/learned?have=<newest>`).
 *
 * Run: `npm run bench -- learn`.
 */
import path from 'node:path';
import type { LearnedAnswer, LearnedVersion } from '../../shared/hub/learned';
import type { PushOperation, PushResponse } from '../../shared/hub/sync';
import { foldOf, readJsonLines } from '../../scripts/eval/metrics';
import { adminToken } from '../hub/support/desk-enrolment';
import { changeOp, hubClient, registerOp, resourcesDir, signIn, startHub } from '../hub/support/hub-harness';
import { startThrowAwayPostgres } from '../hub/support/postgres';
import type { BenchArea, BenchRow } from './bench-area';
import { median, percentile } from './bench-area';

const TICKETS = 4_000;
const DESK = 'bench-learn-desk';
const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
const log = (line: string): void => {
  console.log(`      learn: ${line}`);
};

async function timed(request: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await request();
  return performance.now() - start;
}

export const learnBench: BenchArea = {
  name: 'learn',
  description: `hub retraining of the learned snapshot over ${String(TICKETS)} kept dispatches; health and version checks meanwhile`,
  async run(): Promise<BenchRow[]> {
    const postgres = await startThrowAwayPostgres();
    const hub = await startHub('postgres', postgres);
    try {
      const call = hubClient(hub.url);
      const op = await signIn(hub.url, 'op01', DESK);
      const texts = (readJsonLines(path.join(resourcesDir, '..', 'test', 'data', 'heldout', 'dispatch-tickets.jsonl')) as { id: string; text: string; district: string | null; expected_lead: string }[]).filter(
        (t) => foldOf(t.id) === 'a',
      );
      let seq = 0;
      for (let sent = 0; sent < TICKETS; ) {
        const operations: PushOperation[] = [];
        for (; operations.length < 500 && sent < TICKETS; sent++) {
          const t = texts[sent % texts.length]!;
          const reg = registerOp(++seq, 'op01', { description: t.text, location: { district: t.district ?? '兰山区', town: null, address: '' } });
          operations.push(reg, changeOp(++seq, 'op01', 'ticket.transfer', reg.ticketId, { lead: t.expected_lead, co: [], dutyId: null, timeLimitDays: 5, timeLimitReason: null, supervision: 'none', notes: '' }));
        }
        const pushed = await call<PushResponse>('POST', '/v1/sync/push', { deskId: DESK, operations }, op.token);
        if (pushed.status !== 200 || pushed.body.outcomes.some((o) => o.outcome !== 'accepted')) throw new Error(`push refused: ${JSON.stringify(pushed.body).slice(0, 300)}`);
      }
      await hub.sql.query(
        `INSERT INTO ticket_events (ticket_id, kind, author, sent_by, payload)
         SELECT id, 'department.accept', 'sup01', 'sup01', jsonb_build_object('department', lead_department) FROM tickets WHERE state = 'transferred' ORDER BY created_at`,
      );
      await hub.sql.query(`UPDATE tickets SET state = 'accepted' WHERE state = 'transferred'`);
      log(`${String(TICKETS)} dispatches pushed and signed for`);

      const health = (): Promise<number> => timed(() => call('GET', '/v1/health'));
      const idle: number[] = [];
      for (let i = 0; i < 300; i++) idle.push(await health());

      const admin = await adminToken(hub.url);
      const retraining = { done: false };
      const start = performance.now();
      const training = call<LearnedVersion>('POST', '/v1/learned/retrain', undefined, admin).finally(() => {
        retraining.done = true;
      });
      const during: number[] = [];
      while (!retraining.done) during.push(await health());
      const trained = await training;
      const retrainMs = performance.now() - start;
      if (trained.status !== 201) throw new Error(`retrain answered ${String(trained.status)}`);
      log(`version ${String(trained.body.version)}: ${JSON.stringify(trained.body.evidence)} in ${String(round(retrainMs))} ms; ${String(during.length)} health checks meanwhile`);

      const snapshot = await call<LearnedAnswer>('GET', '/v1/learned?have=0', undefined, op.token);
      const bytes = Buffer.byteLength(JSON.stringify(snapshot.body));
      const checks: number[] = [];
      for (let i = 0; i < 300; i++) checks.push(await timed(() => call('GET', `/v1/learned?have=${String(trained.body.version)}`, undefined, op.token)));

      return [
        { key: 'learn.retrain_ms_4k', value: round(retrainMs), unit: 'ms', note: `${String(trained.body.evidence.accepted)} kept dispatches, two passes, PostgreSQL` },
        { key: 'learn.health_p95_ms_idle', value: round(percentile(idle, 95), 2), unit: 'ms', note: `median ${String(round(median(idle), 2))}` },
        {
          key: 'learn.health_p95_ms_training',
          value: round(percentile(during, 95), 2),
          unit: 'ms',
          note: `${String(during.length)} requests during the retraining, median ${String(round(median(during), 2))}, max ${String(round(Math.max(...during), 1))}`,
        },
        { key: 'learn.version_check_p95_ms', value: round(percentile(checks, 95), 2), unit: 'ms', note: 'GET /v1/learned with the newest version: the answer a desk gets after every pull' },
        { key: 'learn.snapshot_kb', value: round(bytes / 1024), unit: 'KiB', note: 'the whole answer a desk without the snapshot receives' },
      ];
    } finally {
      await hub.close();
      postgres.stop();
    }
  },
};
