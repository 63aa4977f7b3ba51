/**
 * Which practice call comes next: scenarios the trainee has not practised
 * yet, in the shipped order; then the one with the weakest latest score,
 * the longest ago first on a tie. Pure; the workbench calls it with the
 * trainee's record.
 */
export function nextScenarioId(
  scenarioIds: readonly string[],
  results: readonly { scenarioId: string; score: number; finishedAt: string }[],
  after: string | null = null,
): string | null {
  if (scenarioIds.length === 0) return null;
  // Newest first, so the first result seen per scenario is its latest.
  const latest = new Map<string, { score: number; finishedAt: string }>();
  for (const r of [...results].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))) {
    if (!latest.has(r.scenarioId)) latest.set(r.scenarioId, r);
  }
  // The scenario just finished never comes straight back, unless it is the only one.
  const candidates = scenarioIds.length > 1 ? scenarioIds.filter((id) => id !== after) : scenarioIds;
  const fresh = candidates.find((id) => !latest.has(id));
  if (fresh) return fresh;
  return (
    [...candidates].sort((a, b) => {
      const ra = latest.get(a);
      const rb = latest.get(b);
      if (!ra || !rb) return 0;
      return ra.score - rb.score || ra.finishedAt.localeCompare(rb.finishedAt);
    })[0] ?? null
  );
}
