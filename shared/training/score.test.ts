import { describe, expect, it } from 'vitest';
import type { PracticeExpectation } from './scenario';
import { averageScore, scorePractice } from './score';

const transfer: PracticeExpectation = { requestType: '投诉', category: ['城市管理', '餐饮油烟'], disposition: 'transfer', lead: 'lanshan-gov' };
const consult: PracticeExpectation = { requestType: '咨询', category: ['住房公积金', '公积金提取'], disposition: 'answer', lead: 'city-hpf' };

describe('practice scoring', () => {
  it('gives full marks for the expected transfer', () => {
    const score = scorePractice(transfer, { requestType: '投诉', category: ['城市管理', '餐饮油烟'], lead: 'lanshan-gov' });
    expect(score).toMatchObject({ right: 5, total: 5, score: 100 });
    expect(score.items.map((i) => i.id)).toEqual(['requestType', 'category1', 'category2', 'disposition', 'lead']);
    expect(score.items.every((i) => i.correct)).toBe(true);
  });

  it('marks each wrong item with what was given and what was expected', () => {
    const score = scorePractice(transfer, { requestType: '举报', category: ['城市管理', '市容环卫'], lead: 'city-urban' });
    expect(score).toMatchObject({ right: 2, total: 5, score: 40 });
    expect(score.items.find((i) => i.id === 'requestType')).toEqual({ id: 'requestType', correct: false, given: '举报', expected: '投诉' });
    expect(score.items.find((i) => i.id === 'category2')).toMatchObject({ correct: false, given: '市容环卫', expected: '餐饮油烟' });
    expect(score.items.find((i) => i.id === 'lead')).toMatchObject({ correct: false, given: 'city-urban', expected: 'lanshan-gov' });
  });

  it('takes level 2 as right only under the right level 1', () => {
    const expected: PracticeExpectation = { ...transfer, category: ['政务服务', '窗口服务'] };
    const score = scorePractice(expected, { requestType: '投诉', category: ['不动产登记', '窗口服务'], lead: 'lanshan-gov' });
    expect(score.items.find((i) => i.id === 'category1')?.correct).toBe(false);
    expect(score.items.find((i) => i.id === 'category2')).toMatchObject({ correct: false, given: '窗口服务', expected: '窗口服务' });
  });

  it('counts a missing answer as wrong', () => {
    const score = scorePractice(transfer, { requestType: null, category: [], lead: null });
    expect(score).toMatchObject({ right: 0, total: 5, score: 0 });
    expect(score.items.find((i) => i.id === 'disposition')).toMatchObject({ given: 'answer', expected: 'transfer' });
    expect(score.items.find((i) => i.id === 'lead')).toMatchObject({ given: null, expected: 'lanshan-gov' });
  });

  it('scores a consultation answered directly without a lead item', () => {
    const score = scorePractice(consult, { requestType: '咨询', category: ['住房公积金', '公积金提取'], lead: null });
    expect(score).toMatchObject({ right: 4, total: 4, score: 100 });
    expect(score.items.map((i) => i.id)).not.toContain('lead');
  });

  it('scores the lead of a consultation the trainee chose to transfer, and the disposition as wrong', () => {
    const right = scorePractice(consult, { requestType: '咨询', category: ['住房公积金', '公积金提取'], lead: 'city-hpf' });
    expect(right).toMatchObject({ right: 4, total: 5, score: 80 });
    const wrong = scorePractice(consult, { requestType: '咨询', category: ['住房公积金', '公积金提取'], lead: 'city-hrss' });
    expect(wrong).toMatchObject({ right: 3, total: 5, score: 60 });
  });

  it('rounds the score to a whole number', () => {
    const score = scorePractice(transfer, { requestType: '投诉', category: ['城市管理'], lead: null });
    // requestType and category1 right out of five.
    expect(score.score).toBe(40);
    const twoOfThree = scorePractice(consult, { requestType: '咨询', category: ['住房公积金', '公积金贷款'], lead: null });
    expect(twoOfThree).toMatchObject({ right: 3, total: 4, score: 75 });
  });

  it('averages scores to one decimal, none for no results', () => {
    expect(averageScore([])).toBeNull();
    expect(averageScore([{ score: 100 }, { score: 80 }, { score: 75 }])).toBe(85);
    expect(averageScore([{ score: 100 }, { score: 75 }, { score: 60 }])).toBe(78.3);
  });
});
