import type { Shape } from '../shape';
import type { historyZhCN } from './zh-CN';

/** English for caller history; the type makes a missing or extra key a compile error. */
export const historyEn: Shape<typeof historyZhCN> = {
  empty: 'No earlier calls',
  numberPlaceholder: 'Caller number (filled in when a call is answered)',
  recent: '{{count}} at this desk in the last 30 days',
  repeat: 'Repeat caller',
  confidential: 'Confidential',
  hubSummary: '{{count}} at the centre in the last 30 days',
  hubSameMatter: '{{count}} about the same matter',
  localOnly: 'Not signed in to the hub: only tickets registered at this desk, none from other desks',
  hubUnavailable: 'The hub cannot be asked right now ({{reason}}): only tickets registered at this desk, none from other desks',
  fromHub: 'Hub',
  thisDesk: 'This desk',
  masked: 'Caller details hidden',
  reply: 'Reply from {{department}} ({{solved}}): ',
  solved: 'solved',
  unsolved: 'not solved',
  states: { registered: 'Registered', answered: 'Answered', transferred: 'Transferred', accepted: 'Accepted', returned: 'Returned', replied: 'Replied', called_back: 'Called back', closed: 'Closed' },
};
