import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DepartmentRates, HourlyTickets, TicketStats } from '../../../../../shared/hub/stats';
import { ticketDispositions } from '../../../../../shared/hub/stats';
import { en, namespaces, zhCN } from '../../../i18n/resources';
import { busiestHour, dispositionTotals, hourlyChartData, hourlySummary, mattersSummary, percent, rateKinds, ratesChartData, ratesSummary } from './stats-model';

/** An hour of the desk's local day, so the labels read the same in any time zone the tests run in. */
const localHour = (day: number, hour: number): string => new Date(2026, 10, day, hour).toISOString();
const hour = (day: number, h: number, counts: Partial<Omit<HourlyTickets, 'hour'>> = {}): HourlyTickets => ({ hour: localHour(day, h), answered: 0, transferred: 0, review: 0, open: 0, ...counts });

function department(overrides: Partial<DepartmentRates>): DepartmentRates {
  return {
    department: 'city-urban',
    name: '临沂市城市管理局',
    transferred: 3,
    responded: 2,
    calledBack: 2,
    solved: 1,
    satisfied: 1,
    basicallySatisfied: 1,
    dissatisfied: 0,
    responseRate: 2 / 3,
    resolutionRate: 1 / 2,
    satisfactionRate: 1,
    ...overrides,
  };
}

const stats: TicketStats = {
  from: localHour(22, 8),
  to: localHour(22, 11),
  total: 10,
  hourly: [hour(22, 8, { answered: 1, transferred: 3 }), hour(22, 9, { answered: 2, transferred: 2, open: 1 }), hour(22, 10, { review: 1 })],
  matters: [
    { category: ['城市管理', '占道经营'], count: 4 },
    { category: ['人力社保', '拖欠工资'], count: 3 },
  ],
  departments: [
    department({}),
    department({
      department: 'city-hrss',
      name: '临沂市人力资源和社会保障局',
      transferred: 2,
      responded: 0,
      calledBack: 0,
      solved: 0,
      satisfied: 0,
      basicallySatisfied: 0,
      responseRate: 0,
      resolutionRate: null,
      satisfactionRate: null,
    }),
  ],
  departmentCount: 3,
  urges: [],
};

let zh: TFunction;
let english: TFunction;
beforeAll(async () => {
  const translator = (lng: string) => {
    const instance = i18next.createInstance();
    void instance.init({ resources: { 'zh-CN': zhCN, en }, ns: namespaces, defaultNS: 'common', lng, interpolation: { escapeValue: false }, initAsync: false });
    return instance.t;
  };
  zh = translator('zh-CN');
  english = translator('en');
  await Promise.resolve();
});

describe('statistics shaped for the charts', () => {
  it('totals the dispositions and finds the busiest hour, the earliest of equals', () => {
    expect(dispositionTotals(stats.hourly)).toEqual({ answered: 3, transferred: 5, review: 1, open: 1 });
    expect(busiestHour(stats.hourly)).toEqual({ hour: localHour(22, 9), count: 5 });
    expect(busiestHour([hour(22, 8, { open: 2 }), hour(22, 9, { answered: 2 })])?.hour).toBe(localHour(22, 8));
    expect(busiestHour([hour(22, 8), hour(22, 9)])).toBeNull();
  });

  it('labels hours by the clock within a day and with the date over several days', () => {
    expect(hourlyChartData(stats)).toEqual({
      labels: ['08:00', '09:00', '10:00'],
      series: { answered: [1, 2, 0], transferred: [3, 2, 0], review: [0, 0, 1], open: [0, 1, 0] },
    });
    const week = Array.from({ length: 7 * 24 + 1 }, (_, i) => hour(15 + Math.floor((i + 8) / 24), (i + 8) % 24));
    const labels = hourlyChartData({ hourly: week }).labels;
    expect(labels[0]).toBe('11-15 08:00');
    expect(labels.at(-1)).toBe('11-22 08:00');
  });

  it('gives the rates as bars in percent with one decimal, and no bar where nothing was called back', () => {
    expect(ratesChartData(stats)).toEqual({
      labels: ['临沂市城市管理局', '临沂市人力资源和社会保障局'],
      series: { responseRate: [66.7, 0], resolutionRate: [50, null], satisfactionRate: [100, null] },
    });
    expect(percent(2 / 3)).toBe('66.7%');
    expect(percent(1)).toBe('100.0%');
  });
});

describe('statistics in words beside each chart', () => {
  it('says how many tickets of each disposition and the busiest hour', () => {
    expect(hourlySummary(stats, '今日', zh)).toBe('今日共登记 10 件：直接答复 3 件，转办 5 件，待审核 1 件，未处置 1 件。最多的时段 09:00–10:00，5 件。');
    expect(hourlySummary({ ...stats, total: 0, hourly: [hour(22, 8)] }, '本班', zh)).toBe('本班没有登记工单。');
    expect(hourlySummary(stats, 'Today', english)).toBe(
      'Today: 10 tickets registered: Answered directly 3, Transferred 5, Awaiting review 1, Not yet handled 1. Busiest hour 09:00–10:00 with 5.',
    );
  });

  it('lists the top matters with their share of the window', () => {
    expect(mattersSummary(stats, zh)).toBe('城市管理 / 占道经营 4 件（40.0%），人力社保 / 拖欠工资 3 件（30.0%）。');
    expect(mattersSummary({ ...stats, matters: [] }, zh)).toBe('没有登记工单。');
  });

  it('gives each department’s three rates with the counts behind them, and says when more are not shown', () => {
    expect(ratesSummary(stats, zh)).toBe(
      '临沂市城市管理局：转办 3 件，响应率 66.7%（2/3），解决率 50.0%（1/2），满意率 100.0%（2/2）；' +
        '临沂市人力资源和社会保障局：转办 2 件，响应率 0.0%（0/2），解决率 —（尚未回访），满意率 —（尚未回访）。另有 1 个部门未列出。',
    );
    expect(ratesSummary({ departments: [], departmentCount: 0 }, zh)).toBe('没有转办到部门的工单。');
  });

  it('has words for every disposition and rate in both languages', () => {
    for (const dict of [zhCN, en]) {
      for (const kind of ticketDispositions) expect(dict.supervision.stats.dispositions[kind]).toBeTruthy();
      for (const kind of rateKinds) expect(dict.supervision.stats.rates[kind]).toBeTruthy();
    }
  });
});
