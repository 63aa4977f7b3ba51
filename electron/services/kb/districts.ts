/**
 * District/county names as callers say them: 沂水县 or 沂水, 临沂高新区 or
 * 高新区 or 高新. Built from the scopes of the local articles, so a new
 * county's article brings its names with it.
 */
export class DistrictNames {
  private readonly aliases: { alias: string; district: string }[] = [];

  constructor(districts: Iterable<string>) {
    for (const district of new Set(districts)) {
      const names = new Set([district]);
      const bare = district.replace(/^临沂/u, '');
      names.add(bare);
      if (bare.length > 2) names.add(bare.replace(/[区县市]$/u, ''));
      for (const alias of names) if (alias.length >= 2) this.aliases.push({ alias, district });
    }
    this.aliases.sort((a, b) => b.alias.length - a.alias.length);
  }

  /** The district a query names, if any (the longest name wins). */
  mentionedIn(query: string): string | null {
    return this.aliases.find((a) => query.includes(a.alias))?.district ?? null;
  }
}
