import { useEffect } from 'react';
import { create } from 'zustand';
import type { CentreRegions } from '../../../shared/dispatch/centre';
import type { Department } from '../../../shared/dispatch/responsibility';
import { desk } from '../desk/desk';

interface MatterCategory {
  name: string;
  children: string[];
}

interface ReferenceState {
  regions: CentreRegions | null;
  categories: MatterCategory[];
  departments: Department[];
  loaded: boolean;
}

/** Places, matter categories and departments from the local services; loaded once per page. */
const useReferenceStore = create<ReferenceState>()(() => ({ regions: null, categories: [], departments: [], loaded: false }));

let loading: Promise<void> | null = null;

async function load(): Promise<void> {
  const [regions, categories, departments] = await Promise.all([desk.listRegions(), desk.listMatterCategories(), desk.listDepartments()]);
  useReferenceStore.setState({
    regions: regions.ok ? regions.value : null,
    categories: categories.ok ? categories.value : [],
    departments: departments.ok ? departments.value : [],
    loaded: regions.ok && categories.ok && departments.ok,
  });
  if (!(regions.ok && categories.ok && departments.ok)) loading = null;
}

export function useTicketReference(): ReferenceState {
  useEffect(() => {
    loading ??= load();
  }, []);
  return useReferenceStore();
}
