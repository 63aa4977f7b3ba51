import type { DeskHandlers } from '../../../shared/desk-handlers';
import type { DispatchService } from './dispatch-service';

/** Dispatch suggestions, the lists the transfer form picks from, and the phone's transfer directory. */
export const dispatchHandlers = ({ dispatch }: { dispatch: DispatchService }) =>
  ({
    suggestDispatch: (query) => dispatch.suggest(query),
    listDepartments: () => dispatch.departments(),
    listMatterCategories: () => dispatch.categories(),
    listRegions: () => dispatch.regions,
    searchDirectory: (query) => dispatch.directory.search(query),
  }) satisfies Pick<DeskHandlers, 'suggestDispatch' | 'listDepartments' | 'listMatterCategories' | 'listRegions' | 'searchDirectory'>;
