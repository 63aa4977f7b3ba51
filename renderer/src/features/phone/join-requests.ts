import { desk } from '../../desk/desk';
import { phoneEngine } from './phone-engine';

/**
 * The seat board's requests to join a seat's call reach every window of the
 * desk; the tab holding the phone dials and answers, the others stay silent
 * so exactly one phone acts on each request.
 */
export function startJoinRequests(): () => void {
  return desk.on('joinSeatCallRequested', ({ requestId, mode, extension }) => {
    if (!phoneEngine.holdsPhone) return;
    // The services log the outcome with the request.
    void desk.answerJoinSeatCall({ requestId, outcome: phoneEngine.joinCall(mode, extension) });
  });
}
