import type { TKey } from '../keys';

// Codes and states of the supervision namespace mapped to their wording keys; index a record with a typed code, never build a key.

export const statsWindowKeys = {
  shift: 'supervision:stats.windows.shift',
  today: 'supervision:stats.windows.today',
  week: 'supervision:stats.windows.week',
} as const satisfies Record<string, TKey>;

export const statsDispositionKeys = {
  answered: 'supervision:stats.dispositions.answered',
  transferred: 'supervision:stats.dispositions.transferred',
  review: 'supervision:stats.dispositions.review',
  open: 'supervision:stats.dispositions.open',
} as const satisfies Record<string, TKey>;

export const statsRateKeys = {
  responseRate: 'supervision:stats.rates.responseRate',
  resolutionRate: 'supervision:stats.rates.resolutionRate',
  satisfactionRate: 'supervision:stats.rates.satisfactionRate',
} as const satisfies Record<string, TKey>;

export const alertKindKeys = {
  many: 'supervision:alerts.kinds.many',
  new: 'supervision:alerts.kinds.new',
  burst: 'supervision:alerts.kinds.burst',
  repeat: 'supervision:alerts.kinds.repeat',
} as const satisfies Record<string, TKey>;

export const placementRangeKeys = {
  last30: 'supervision:placement.ranges.last30',
  thisMonth: 'supervision:placement.ranges.thisMonth',
  lastMonth: 'supervision:placement.ranges.lastMonth',
} as const satisfies Record<string, TKey>;
