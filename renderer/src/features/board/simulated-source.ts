import { defaultAlarmThresholds } from '../../../../shared/board/alarms';
import type { LiveMessage, Seat } from '../../../../shared/hub/presence';
import type { AgentState } from '../../../../shared/phone/agent-state';
import type { SeatSource } from './seat-feed';

/**
 * A whole centre's seats without a hub, for demos, the `board` benchmark and
 * the end-to-end test. Deterministic for a seed: the same operators, teams,
 * first states and sequence of changes; only the wall clock moves.
 *
 * - Every seat reports once per `intervalMs`, spread evenly over the interval
 *   (1,400 seats every 10 s = 140 reports a second), and each report is a
 *   change of state, except for the seats below that hold a long call.
 * - Seat 1 (S0001) is a scripted long call: it went on a call just under the
 *   long-call limit before the simulation started and stays on it, so its
 *   alarm appears a few seconds after the board opens.
 * - Every 50th seat holds its call too (a hard case): its alarm comes later.
 */
export interface SimulationOptions {
  seed?: number;
  /** Operators per team. */
  teamSize?: number;
  /** Seconds between the board opening and seat 1's call passing the long-call limit. */
  scriptedAlarmLeadSeconds?: number;
  longCallMinutes?: number;
  now?: () => number;
}

const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
const GIVEN = Array.from('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏宇浩凯欣雪琳晶颖婷倩丹蕾思佳怡悦晨阳梅慧莉云飞斌波峰');
const BREAK_REASONS = ['小休', '用餐', '会议'] as const;

/** mulberry32: a small, fast, seedable generator; good enough to shuffle a demo. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function weighted(random: () => number, weights: readonly (readonly [AgentState, number])[]): AgentState {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [state, w] of weights) {
    r -= w;
    if (r < 0) return state;
  }
  return weights[0]?.[0] ?? 'ready';
}

/** Where each state goes next: mostly the call cycle ready → call → after-call work → ready. */
const nextStates: Record<AgentState, readonly (readonly [AgentState, number])[]> = {
  signed_out: [['ready', 1]],
  ready: [
    ['on_call', 80],
    ['break', 10],
    ['training', 3],
    ['signed_out', 2],
    ['after_call_work', 5],
  ],
  on_call: [
    ['after_call_work', 75],
    ['ready', 25],
  ],
  after_call_work: [
    ['ready', 85],
    ['break', 10],
    ['on_call', 5],
  ],
  break: [
    ['ready', 90],
    ['signed_out', 10],
  ],
  training: [['ready', 100]],
};

const firstStates: readonly (readonly [AgentState, number])[] = [
  ['on_call', 55],
  ['ready', 15],
  ['after_call_work', 12],
  ['break', 8],
  ['training', 3],
  ['signed_out', 7],
];

/** How long ago a seat's first state began, in seconds, at most. Some first calls are already long. */
const firstAgeSeconds: Record<AgentState, number> = {
  signed_out: 3_600,
  ready: 240,
  on_call: 630,
  after_call_work: 150,
  break: 1_200,
  training: 3_600,
};

export function simulatedSeatSource(count: number, intervalMs: number, options: SimulationOptions = {}): SeatSource {
  const random = generator(options.seed ?? 1);
  const now = options.now ?? Date.now;
  const teamSize = options.teamSize ?? 28;
  const longCallMs = (options.longCallMinutes ?? defaultAlarmThresholds.longCallMinutes) * 60_000;
  const lead = (options.scriptedAlarmLeadSeconds ?? 12) * 1_000;
  const iso = (ms: number): string => new Date(ms).toISOString();
  const holdsCall = (index: number): boolean => index % 50 === 0;

  const startedAt = now();
  const seats: Seat[] = [];
  for (let i = 0; i < count; i++) {
    const state = i === 0 ? 'on_call' : weighted(random, firstStates);
    const since = i === 0 ? startedAt - longCallMs + lead : startedAt - Math.floor(random() * firstAgeSeconds[state] * 1_000);
    seats.push({
      deskId: `S${String(i + 1).padStart(4, '0')}`,
      operator: `op${String(i + 1).padStart(4, '0')}`,
      displayName: pick(random, SURNAMES) + pick(random, GIVEN) + (random() < 0.5 ? pick(random, GIVEN) : ''),
      team: `第${Math.floor(i / teamSize) + 1}组`,
      state,
      since: iso(since),
      callStartedAt: state === 'on_call' ? iso(since) : null,
      reason: state === 'break' ? pick(random, BREAK_REASONS) : null,
      helpRequested: false,
      extension: String(8001 + i),
      reportedAt: iso(startedAt),
    });
  }

  /** Seat i reports at offsets[i] within each interval; `order` lists the seats by offset. */
  const offsets = seats.map(() => random() * intervalMs);
  const order = seats.map((_, i) => i).sort((a, b) => (offsets[a] ?? 0) - (offsets[b] ?? 0));
  let cycleStart = startedAt;
  let cursor = 0;

  function change(index: number, at: number): Seat {
    const seat = seats[index] as Seat;
    const held = seat.state === 'on_call' && (index === 0 || holdsCall(index));
    // Still on the same call, the report refreshes the seat (and a hard case may ask for help); otherwise a new state.
    const state = held ? seat.state : weighted(random, nextStates[seat.state]);
    const when = iso(at);
    const next: Seat = {
      deskId: seat.deskId,
      operator: seat.operator,
      displayName: seat.displayName,
      team: seat.team,
      state,
      since: held ? seat.since : when,
      callStartedAt: held ? seat.callStartedAt : state === 'on_call' ? when : null,
      reason: state === 'break' ? pick(random, BREAK_REASONS) : null,
      helpRequested: held ? seat.helpRequested || (index !== 0 && random() < 0.05) : state === 'on_call' && random() < 0.01,
      extension: seat.extension ?? null,
      reportedAt: when,
    };
    seats[index] = next;
    return next;
  }

  const listeners = new Set<(message: LiveMessage) => void>();
  let timer: ReturnType<typeof setInterval> | null = null;

  function step(): void {
    const at = now();
    // After a long stall (a hidden window's throttled timers) skip ahead rather than replay a burst.
    if (at - cycleStart > 2 * intervalMs) {
      cycleStart = at - ((at - startedAt) % intervalMs);
      cursor = 0;
    }
    for (;;) {
      const index = order[cursor];
      if (index === undefined) return;
      if (cycleStart + (offsets[index] ?? 0) > at) return;
      const seat = change(index, at);
      for (const listener of listeners) listener({ type: 'seat', seat });
      cursor++;
      if (cursor === order.length) {
        cursor = 0;
        cycleStart += intervalMs;
      }
    }
  }

  return {
    simulated: true,
    subscribe(listener) {
      listeners.add(listener);
      // Like the hub: the full picture first, then the changes.
      listener({ type: 'snapshot', seats: [...seats] });
      if (timer === null && count > 0) timer = setInterval(step, Math.max(16, Math.min(100, intervalMs / 20)));
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== null) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
}
