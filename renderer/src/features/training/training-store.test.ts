import { describe, expect, it, vi } from 'vitest';

vi.mock('../../desk/desk', () => ({ desk: {} }));

const { turnDelayMs, useTrainingStore } = await import('./training-store');

const scenario = {
  id: 'S-01',
  title: '临街饭店油烟扰民',
  level: '基础',
  caller: { name: '刘女士', number: '13953912345' },
  location: { district: '兰山区', town: null, address: '' },
  audio: null,
  audioAvailable: false,
  turns: [
    { stage: 'greeting' as const, text: '你好' },
    { stage: 'verify' as const, text: '我姓刘' },
    { stage: 'listen' as const, text: '楼下饭店油烟很大' },
  ],
  expected: { requestType: '投诉' as const, category: ['城市管理', '餐饮油烟'] as [string, string], disposition: 'transfer' as const, lead: 'lanshan-gov' },
  explanation: { requestType: 'a', category: 'b', lead: 'c' },
};

describe('practice session in the workbench', () => {
  it('answers the practice call at the greeting and follows the caller’s turns through the stages', () => {
    const store = useTrainingStore.getState();
    store.stageEvent({ kind: 'next' });
    store.stageEvent({ kind: 'next' });
    store.practiceStarted(scenario);
    expect(useTrainingStore.getState()).toMatchObject({ stage: 'greeting', practice: { n: 1, shown: 1, lead: undefined, result: null } });
    store.turnShown();
    expect(useTrainingStore.getState()).toMatchObject({ stage: 'verify', practice: { shown: 2 } });
    store.turnShown();
    store.turnShown();
    expect(useTrainingStore.getState()).toMatchObject({ stage: 'listen', practice: { shown: 3 } });
    store.leadChosen('lanshan-gov');
    store.practiceStarted(scenario);
    expect(useTrainingStore.getState().practice).toMatchObject({ n: 2, shown: 1, lead: undefined });
    store.practiceEnded();
    expect(useTrainingStore.getState()).toMatchObject({ stage: null, practice: null });
  });

  it('closes the stage guide when the practice is scored and counts the result', () => {
    const store = useTrainingStore.getState();
    store.practiceStarted(scenario);
    const before = useTrainingStore.getState().recorded;
    store.practiceScored({ id: 1, trainee: 'desk', scenarioId: 'S-01', scenarioTitle: 't', score: 100, right: 5, total: 5, items: [], startedAt: '', finishedAt: '' });
    expect(useTrainingStore.getState()).toMatchObject({ stage: 'close', recorded: before + 1, practice: { shown: 3, result: { score: 100 } } });
  });

  it('gives a caller about a quarter second a character, within bounds', () => {
    expect(turnDelayMs('')).toBe(1_000);
    expect(turnDelayMs('你好，我想咨询一下公积金的事。')).toBe(1_000 + 250 * 15);
    expect(turnDelayMs('长'.repeat(200))).toBe(10_000);
  });
});
