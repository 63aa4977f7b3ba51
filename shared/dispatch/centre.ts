import { z } from 'zod';

/**
 * How the centre's city is cut up for dispatch. Shipped as configuration
 * (`resources/data/regions/centre.json`) because it is a fact about one city,
 * not about the software: which districts form the 市区 (where city utilities
 * and the city 城管 take over matters the counties keep), and the places of
 * the city (districts with their towns/streets) used by the location picker
 * and to recognise a place named in a ticket's text.
 */
export const regionTownSchema = z.object({
  name: z.string().min(1).max(40),
  /** GB/T 2260-style code from the division data; null for towns added by configuration. */
  code: z.string().max(20).nullable(),
});

export const regionDistrictSchema = z.object({
  /** The name the desk uses, e.g. `兰山区`, `临沂高新区`. */
  name: z.string().min(1).max(40),
  code: z.string().max(20).nullable(),
  /** Development zones (管委会) are not administrative divisions; the city adds them by configuration. */
  kind: z.enum(['district', 'county', 'zone']),
  towns: z.array(regionTownSchema),
});
export type RegionDistrict = z.infer<typeof regionDistrictSchema>;

export const centreRegionsSchema = z.object({
  province: z.string().min(1),
  city: z.string().min(1),
  /** 市区: districts where the 市区 entries of the responsibility list apply. */
  urbanDistricts: z.array(z.string().min(1)),
  districts: z.array(regionDistrictSchema),
});
export type CentreRegions = z.infer<typeof centreRegionsSchema>;

/** Whether a district is in the 市区; null (city-wide) counts as 市区 because city-wide units sit there. */
export function isUrbanDistrict(regions: Pick<CentreRegions, 'urbanDistricts'>, district: string | null): boolean {
  return district === null || regions.urbanDistricts.includes(district);
}
