import type { Shape } from './shape';
import { commonEn } from './common/en';
import { errorsEn } from './errors/en';
import { phoneEn } from './phone/en';
import { callerEn } from './caller/en';
import { ticketEn } from './ticket/en';
import { knowledgeEn } from './knowledge/en';
import { historyEn } from './history/en';
import { hubEn } from './hub/en';
import { supervisionEn } from './supervision/en';
import { trainingEn } from './training/en';
import { boardEn } from './board/en';
import type { zhCN } from './source-strings';

export { namespaces, zhCN } from './source-strings';
export type { Namespace } from './source-strings';

/** The English strings: a chunk of their own, fetched when an operator chooses English (`applyLocale`). */
export const en: Shape<typeof zhCN> = {
  common: commonEn,
  errors: errorsEn,
  phone: phoneEn,
  caller: callerEn,
  ticket: ticketEn,
  knowledge: knowledgeEn,
  history: historyEn,
  hub: hubEn,
  supervision: supervisionEn,
  training: trainingEn,
  board: boardEn,
};
