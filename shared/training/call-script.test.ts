import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallStage } from './call-script';
import { callScriptSchema, callStages, nextStage, stageStatus } from './call-script';

describe('call-stage guide', () => {
  it('steps through the five stages and waits for the next call after the close', () => {
    let stage: CallStage | null = null;
    const seen: (CallStage | null)[] = [];
    for (let i = 0; i < 6; i++) {
      stage = nextStage(stage, { kind: 'next' });
      seen.push(stage);
    }
    expect(seen).toEqual(['greeting', 'verify', 'listen', 'resolve', 'close', null]);
  });

  it('steps back but not before the greeting, and not out of an idle guide', () => {
    expect(nextStage('listen', { kind: 'previous' })).toBe('verify');
    expect(nextStage('greeting', { kind: 'previous' })).toBe('greeting');
    expect(nextStage(null, { kind: 'previous' })).toBeNull();
  });

  it('starts every answered call at the greeting, even in the middle of another', () => {
    expect(nextStage(null, { kind: 'callAnswered' })).toBe('greeting');
    expect(nextStage('resolve', { kind: 'callAnswered' })).toBe('greeting');
  });

  it('moves to the close when the ticket is saved, from any stage', () => {
    for (const stage of [null, ...callStages]) expect(nextStage(stage, { kind: 'ticketSaved' })).toBe('close');
  });

  it('follows a caller turn forward only', () => {
    expect(nextStage('greeting', { kind: 'reached', stage: 'listen' })).toBe('listen');
    expect(nextStage('resolve', { kind: 'reached', stage: 'verify' })).toBe('resolve');
    expect(nextStage(null, { kind: 'reached', stage: 'greeting' })).toBe('greeting');
  });

  it('resets to idle', () => {
    expect(nextStage('listen', { kind: 'reset' })).toBeNull();
  });

  it('marks stages done, current and to do', () => {
    expect(callStages.map((s) => stageStatus(s, 'listen'))).toEqual(['done', 'done', 'current', 'todo', 'todo']);
    expect(callStages.map((s) => stageStatus(s, null))).toEqual(['todo', 'todo', 'todo', 'todo', 'todo']);
  });
});

describe('the shipped call script', () => {
  const file = path.resolve(import.meta.dirname, '../../resources/data/training/call-script.json');
  const script = callScriptSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));

  it('has every stage in order with standard phrases', () => {
    expect(script.stages.map((s) => s.id)).toEqual([...callStages]);
    expect(script.stages.map((s) => s.title)).toEqual(['问候', '核实', '倾听', '答复或登记', '结束']);
    for (const stage of script.stages) expect(stage.phrases.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a script with a stage missing or out of order', () => {
    const swapped = { ...script, stages: [script.stages[1], script.stages[0], ...script.stages.slice(2)] };
    expect(callScriptSchema.safeParse(swapped).success).toBe(false);
    expect(callScriptSchema.safeParse({ ...script, stages: script.stages.slice(1) }).success).toBe(false);
  });
});
