import { commonZhCN } from './common/zh-CN';
import { errorsZhCN } from './errors/zh-CN';
import { phoneZhCN } from './phone/zh-CN';
import { callerZhCN } from './caller/zh-CN';
import { ticketZhCN } from './ticket/zh-CN';
import { knowledgeZhCN } from './knowledge/zh-CN';
import { historyZhCN } from './history/zh-CN';
import { hubZhCN } from './hub/zh-CN';
import { supervisionZhCN } from './supervision/zh-CN';
import { trainingZhCN } from './training/zh-CN';
import { boardZhCN } from './board/zh-CN';

/**
 * Every namespace of the desk's strings, one per feature plus `common` (shell, panes, status bar, settings, shortcut
 * help) and `errors` (the wording of every error code). zh-CN is the source of truth; `en` must have exactly its keys.
 * A new namespace is a folder here with zh-CN.ts and en.ts, registered here, in `en` (resources.ts, loaded only for an English desk) and in `namespaces` below.
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

export type Namespace = keyof typeof zhCN;

/**
 * All namespaces, `common` first. The desk's t() sees every one of them, so a key names its namespace:
 * t('ticket:sections.transfer'), t('common:app.title'), t('errors:TIMEOUT').
 */
export const namespaces = ['common', 'errors', 'phone', 'caller', 'ticket', 'knowledge', 'history', 'hub', 'supervision', 'training', 'board'] as const satisfies readonly Namespace[];
