import type { Department } from './responsibility';
import { LOCAL_DISTRICT_GOV, LOCAL_TOWN_OFFICE } from './responsibility';

/**
 * 就近定责: a duty names its lead either outright (a department id) or as
 * 属地区县政府 / 属地乡镇街道, which are resolved from the ticket's location.
 */

export type LeadResolution =
  | { kind: 'named'; departmentId: string }
  | { kind: 'district'; departmentId: string; district: string }
  /** The town office named by the location or the text (`via` says which words). */
  | { kind: 'town'; departmentId: string; district: string; via: string }
  /** 属地乡镇街道, but no listed town office is named: the district government assigns it onward. */
  | { kind: 'town-fallback'; departmentId: string; district: string }
  /** A 属地 lead without a known district: the operator must choose the district first. */
  | { kind: 'unresolved'; literal: string };

export interface DepartmentDirectory {
  byId: ReadonlyMap<string, Department>;
  /** District → its 区县政府 (or zone 管委会). */
  districtGov: ReadonlyMap<string, Department>;
  /** District → its town offices with the short names a ticket uses (`银雀山街道`, `枣园镇`), longest first. */
  towns: ReadonlyMap<string, readonly { shortName: string; department: Department }[]>;
}

/** `兰山区银雀山街道办事处` → `银雀山街道`; `兰山区枣园镇人民政府` → `枣园镇`. */
export function townShortName(department: Department): string {
  let name = department.name;
  if (department.district && name.startsWith(department.district)) name = name.slice(department.district.length);
  return name.replace(/(办事处|人民政府)$/u, '');
}

export function buildDirectory(departments: readonly Department[]): DepartmentDirectory {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const districtGov = new Map<string, Department>();
  const towns = new Map<string, { shortName: string; department: Department }[]>();
  for (const d of departments) {
    if (!d.district) continue;
    if (d.level === '区县政府') districtGov.set(d.district, d);
    if (d.level === '乡镇街道') {
      const list = towns.get(d.district) ?? [];
      list.push({ shortName: townShortName(d), department: d });
      towns.set(d.district, list);
    }
  }
  for (const list of towns.values()) list.sort((a, b) => b.shortName.length - a.shortName.length);
  return { byId, districtGov, towns };
}

export interface LocationFacts {
  district: string | null;
  /** Town/street chosen at registration, if any. */
  town: string | null;
  /** The ticket's description (and free address): a town named there counts too. */
  text: string;
}

/** The town office of `district` named by the chosen town or, failing that, in the text; the longest name wins. */
export function findTownOffice(
  directory: DepartmentDirectory,
  district: string,
  town: string | null,
  text: string,
): { department: Department; via: string } | null {
  const candidates = directory.towns.get(district) ?? [];
  if (town) {
    const chosen = candidates.find((c) => c.shortName === town);
    if (chosen) return { department: chosen.department, via: town };
  }
  const named = candidates.find((c) => text.includes(c.shortName));
  return named ? { department: named.department, via: named.shortName } : null;
}

export function resolveLead(directory: DepartmentDirectory, lead: string, location: LocationFacts): LeadResolution {
  if (lead !== LOCAL_DISTRICT_GOV && lead !== LOCAL_TOWN_OFFICE) return { kind: 'named', departmentId: lead };
  const { district } = location;
  const gov = district ? directory.districtGov.get(district) : undefined;
  if (!district || !gov) return { kind: 'unresolved', literal: lead };
  if (lead === LOCAL_DISTRICT_GOV) return { kind: 'district', departmentId: gov.id, district };
  const town = findTownOffice(directory, district, location.town, location.text);
  if (town) return { kind: 'town', departmentId: town.department.id, district, via: town.via };
  return { kind: 'town-fallback', departmentId: gov.id, district };
}
