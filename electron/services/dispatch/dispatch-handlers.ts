import type { DeskHandlers } from '../../../shared/desk-handlers';
import type { DispatchService } from './dispatch-service';

/** Dispatch suggestions and the lists the transfer form picks from. */
export const dispatchHandlers = ({ dispatch }: { dispatch: DispatchService }) =>
  ({
    suggestDispatch: (query) => dispatch.suggest(query),
    listDepartments: () => dispatch.departments(),
    listMatterCategories: () => dispatch.categories(),
    listRegions: () => dispatch.regions,
  }) satisfies Pick<DeskHandlers, 'suggestDispatch' | 'listDepartments' | 'listMatterCategories' | 'listRegions'>;
