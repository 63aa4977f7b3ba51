import { describe, expect, it } from 'vitest';
import { agentStates, refusesNewCalls } from './agent-state';

describe('refusesNewCalls', () => {
  it('break and training turn new calls away; every other state takes them', () => {
    const refusing = agentStates.filter((state) => refusesNewCalls({ state, since: 0, ...(state === 'break' ? { reason: 'meal' } : {}) }));
    expect(refusing).toEqual(['break', 'training']);
  });
});
