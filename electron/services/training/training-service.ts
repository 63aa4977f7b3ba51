import fs from 'node:fs';
import path from 'node:path';
import { DeskFailure } from '../../../shared/result';
import type { CallScript } from '../../../shared/training/call-script';
import { callScriptSchema } from '../../../shared/training/call-script';
import type { PracticeResult, TrainingMaterial } from '../../../shared/training/practice';
import { scoreItemSchema } from '../../../shared/training/practice';
import type { Scenario } from '../../../shared/training/scenario';
import { scenarioFileSchema } from '../../../shared/training/scenario';
import { scorePractice } from '../../../shared/training/score';
import type { DeskDatabase } from '../db/database';
import { OutboxQueue } from '../sync/outbox-queue';
import type { PracticeResultPayload } from '../../../shared/hub/practice';
import { uuidv7 } from '../../../shared/tickets/uuid7';

/** Voice files larger than this are not sent to the workbench (a scenario's call is a minute or two). */
const MAX_AUDIO_BYTES = 8 * 1024 * 1024;

const AUDIO_MIME: Readonly<Record<string, string>> = {
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.webm': 'audio/webm',
};

interface ResultRow {
  id: number;
  trainee: string;
  scenario_id: string;
  scenario_title: string;
  score: number;
  right_items: number;
  total_items: number;
  items: string;
  started_at: string;
  finished_at: string;
  client_id: string | null;
}

export function readCallScript(resourcesDir: string): CallScript {
  return callScriptSchema.parse(JSON.parse(fs.readFileSync(path.join(resourcesDir, 'data', 'training', 'call-script.json'), 'utf8')));
}

export function readScenarios(resourcesDir: string): Scenario[] {
  return scenarioFileSchema.parse(JSON.parse(fs.readFileSync(path.join(resourcesDir, 'data', 'training', 'scenarios.json'), 'utf8'))).scenarios;
}

/**
 * 实训 on the desk: the shipped script and scenarios, and the placement record
 * (practice results, table from migration 70). Practice is scored here with
 * the shared rules, so what is stored is what the rules say. A result never
 * becomes a ticket; it is queued in the outbox as `practice.result` in the
 * same transaction, for the supervisors' placement record at the hub.
 */
export class TrainingService {
  private readonly script: CallScript | null;
  private readonly scenarios: Scenario[];
  private readonly audioDir: string;
  private readonly insertStmt;
  private readonly listStmt;

  constructor(
    private readonly db: DeskDatabase,
    resourcesDir: string,
    private readonly trainee: () => string,
    warn: (message: string, error: unknown) => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.audioDir = path.join(resourcesDir, 'data', 'training', 'audio');
    let script: CallScript | null = null;
    try {
      script = readCallScript(resourcesDir);
    } catch (error) {
      warn('training call script not loaded; the stage guide shows no phrases', error);
    }
    let scenarios: Scenario[] = [];
    try {
      scenarios = readScenarios(resourcesDir);
    } catch (error) {
      warn('practice scenarios not loaded; practice is unavailable', error);
    }
    this.script = script;
    this.scenarios = scenarios;
    this.insertStmt = db.prepare<[string, string, string, number, number, number, string, string, string, string], ResultRow>(
      `INSERT INTO practice_results (trainee, scenario_id, scenario_title, score, right_items, total_items, items, started_at, finished_at, client_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    );
    this.listStmt = db.prepare<[string, number], ResultRow>('SELECT * FROM practice_results WHERE trainee = ? ORDER BY finished_at DESC, id DESC LIMIT ?');
  }

  material(): TrainingMaterial {
    return { script: this.script, scenarios: this.scenarios.map((s) => ({ ...s, audioAvailable: s.audio !== null && this.audioPath(s.audio) !== null })) };
  }

  audio(file: string): { mime: string; base64: string } | null {
    const found = this.audioPath(file);
    if (!found) return null;
    return { mime: AUDIO_MIME[path.extname(found).toLowerCase()] ?? 'application/octet-stream', base64: fs.readFileSync(found).toString('base64') };
  }

  record(input: { scenarioId: string; answer: { requestType: string | null; category: string[]; lead: string | null }; startedAt: string }): PracticeResult {
    const scenario = this.scenarios.find((s) => s.id === input.scenarioId);
    if (!scenario) throw new DeskFailure('NOT_FOUND', `no practice scenario ${input.scenarioId}`);
    const scored = scorePractice(scenario.expected, input.answer);
    const trainee = this.trainee();
    const finishedAt = this.now().toISOString();
    const payload: PracticeResultPayload = {
      id: uuidv7(),
      scenarioId: scenario.id,
      scenarioTitle: scenario.title,
      score: scored.score,
      right: scored.right,
      total: scored.total,
      items: scored.items,
      startedAt: input.startedAt,
      finishedAt,
    };
    // The result and the entry that carries it to the hub commit together, like a ticket and its operation.
    const row = this.db.transaction(() => {
      const stored = this.insertStmt.get(trainee, scenario.id, scenario.title, scored.score, scored.right, scored.total, JSON.stringify(scored.items), input.startedAt, finishedAt, payload.id);
      OutboxQueue.append(this.db, { author: trainee, kind: 'practice.result', ticketId: payload.id, payload, createdAt: finishedAt });
      return stored;
    })();
    if (!row) throw new Error('practice result not stored');
    return toResult(row);
  }

  list(limit: number): PracticeResult[] {
    return this.listStmt.all(this.trainee(), limit).map(toResult);
  }


  /** The file under the audio folder, if it is there and small enough; the name is checked by the contract's schema. */
  private audioPath(file: string): string | null {
    const full = path.join(this.audioDir, path.basename(file));
    try {
      const stat = fs.statSync(full);
      return stat.isFile() && stat.size <= MAX_AUDIO_BYTES ? full : null;
    } catch {
      return null;
    }
  }
}

function toResult(row: ResultRow): PracticeResult {
  return {
    id: row.id,
    trainee: row.trainee,
    scenarioId: row.scenario_id,
    scenarioTitle: row.scenario_title,
    score: row.score,
    right: row.right_items,
    total: row.total_items,
    items: scoreItemSchema.array().parse(JSON.parse(row.items)),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
