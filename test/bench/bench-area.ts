/**
 * One benchmark area (`ui`, `kb`, `sync` ...). An area measures and returns
 * rows; the runner prints them as a table and merges `AREA.metric` keys into
 * bench/results.json. Compare ratios measured in the same run, never absolute
 * times across runs: the machines are shared and noisy.
 */
export interface BenchRow {
  /** `AREA.metric`, e.g. `ui.first_render_ms`. */
  key: string;
  value: number;
  unit: string;
  note?: string;
}

export interface BenchArea {
  name: string;
  description: string;
  run(): Promise<BenchRow[]>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Nearest-rank percentile, p in [0, 100]. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
