import type { Shape } from '../shape';
import type { callerZhCN } from './zh-CN';

/** English for the caller card; the type makes a missing or extra key a compile error. */
export const callerEn: Shape<typeof callerZhCN> = {
  title: 'Caller',
  empty: 'The caller’s number and earlier tickets appear here when you answer',
  number: 'Number',
  name: 'Name',
  direction: { inbound: 'Inbound', outbound: 'Outbound' },
  ring: {
    label: 'Earlier tickets',
    loading: 'Looking up the caller’s history…',
    none: 'No earlier tickets from this number',
    noLine: 'Number not recognised: no history looked up',
    recent: '{{count}} in 30 days',
    repeat: 'Repeat caller',
    fromCache: 'The hub did not answer in time: showing what was cached {{minutes}} min ago',
    deskOnly: 'The hub did not answer in time and nothing is cached: this desk’s tickets only (last sync {{minutes}} min ago)',
    deskOnlyNever: 'The hub did not answer in time and nothing is cached: this desk’s tickets only',
    signedOut: 'Not signed in to the hub: this desk’s tickets only',
    unnumbered: 'No number yet',
    open: 'Open',
    confidential: 'Confidential',
    masked: 'Caller details hidden',
    unreasonable: 'Unreasonable before',
    replyWaiting: 'Reply awaits callback',
    returned: 'Returned: {{reason}}',
    urged: 'Urged {{count}}×',
    sameMatter: '{{count}} on this matter in 30 days',
    reply: 'Reply from {{department}} ({{solved}}): {{text}}',
    solved: 'solved',
    unsolved: 'not solved',
    keys: 'Alt+↑/↓ to view, Alt+Shift+R to link the new ticket',
    linked: 'New ticket linked to {{number}}',
    linkedMark: 'Linked',
  },
  lastCall: 'Last call',
};
