import type { Shape } from './shape';
import { commonEn } from './common/en';
import { commonZhCN } from './common/zh-CN';
import { errorsEn } from './errors/en';
import { errorsZhCN } from './errors/zh-CN';
import { phoneEn } from './phone/en';
import { phoneZhCN } from './phone/zh-CN';
import { callerEn } from './caller/en';
import { callerZhCN } from './caller/zh-CN';
import { ticketEn } from './ticket/en';
import { ticketZhCN } from './ticket/zh-CN';
import { knowledgeEn } from './knowledge/en';
import { knowledgeZhCN } from './knowledge/zh-CN';
import { historyEn } from './history/en';
import { historyZhCN } from './history/zh-CN';
import { hubEn } from './hub/en';
import { hubZhCN } from './hub/zh-CN';
import { supervisionEn } from './supervision/en';
import { supervisionZhCN } from './supervision/zh-CN';
import { trainingEn } from './training/en';
import { trainingZhCN } from './training/zh-CN';
import { boardEn } from './board/en';
import { boardZhCN } from './board/zh-CN';

/**
 * Every namespace of the desk's strings, one per feature plus `common` (shell, panes, status bar, settings, shortcut
 * help) and `errors` (the wording of every error code). zh-CN is the source of truth; `en` must have exactly its keys.
 * A new namespace is a folder here with zh-CN.ts and en.ts, registered in both objects and in `namespaces` below.
 */
export const zhCN = {
  common: commonZhCN,
  errors: errorsZhCN,
  phone: phoneZhCN,
  caller: callerZhCN,
  ticket: ticketZhCN,
  knowledge: knowledgeZhCN,
  history: historyZhCN,
  hub: hubZhCN,
  supervision: supervisionZhCN,
  training: trainingZhCN,
  board: boardZhCN,
};

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

export type Namespace = keyof typeof zhCN;

/**
 * All namespaces, `common` first. The desk's t() sees every one of them, so a key names its namespace:
 * t('ticket:sections.transfer'), t('common:app.title'), t('errors:TIMEOUT').
 */
export const namespaces = ['common', 'errors', 'phone', 'caller', 'ticket', 'knowledge', 'history', 'hub', 'supervision', 'training', 'board'] as const satisfies readonly Namespace[];
