import type { Shape } from '../shape';
import type { callerZhCN } from './zh-CN';

/** English for the caller card; the type makes a missing or extra key a compile error. */
export const callerEn: Shape<typeof callerZhCN> = {
  title: 'Caller',
  empty: 'The caller’s number and earlier tickets appear here when you answer',
  number: 'Number',
  name: 'Name',
  direction: { inbound: 'Inbound', outbound: 'Outbound' },
  history: 'Caller history and tickets appear once the centre is connected',
  lastCall: 'Last call',
};
