import type { CallDirection, CallOutcome, CallPhase } from '../../../../../shared/phone/call-state';

/** What the UI knows of one call; plain data, rebuilt by the engine on every change. */
export interface CallView {
  id: string;
  direction: CallDirection;
  remoteNumber: string;
  remoteName: string;
  phase: CallPhase;
  muted: boolean;
  /** epoch ms */
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  outcome: CallOutcome | null;
  /** Who ended the call, once it is over. */
  endedBy: 'local' | 'remote' | null;
  /** Set on the consultation leg of an attended transfer: the id of the caller's (held) leg. */
  consultFor: string | null;
  /** Part of a three-way call mixed in the desk. */
  conference: boolean;
  transferTarget: string | null;
  /** Last progress of a transfer, e.g. `SIP/2.0 180 Ringing`. */
  transferProgress: string | null;
}
