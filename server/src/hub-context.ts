import type { TokenSigner } from './auth/tokens';
import type { TouchedTickets } from './alerts/touched-tickets';
import type { Sql } from './db/sql';
import type { ClosingRule } from '../../shared/tickets/closing';
import type { LearnedVersion } from '../../shared/hub/learned';

/** What every route handler may use; nothing in it is per-process state that another process would need. */
export interface HubContext {
  sql: Sql;
  signer: TokenSigner;
  /** Verified against for an unknown account name, so it costs what a wrong password does. */
  dummyPasswordHash: Promise<string>;
  now(): Date;
  /** The centre's time zone, for the day in ticket numbers. */
  timeZone: string;
  /** How far a pushed createdAt may lie from the hub's clock before the hub counts its own receipt time instead. */
  clockToleranceMs: number;
  /** The centre's rule for an operator's 办结 after a callback. */
  closingRule: ClosingRule;
  /** The hub's version, as the API document states it. */
  version: string;
  /** Work done after the answer has gone (alert evaluation) reports its failures here. */
  reportError(error: unknown, what: string): void;
  /** Early warning for what a committed push touched; counted after the answer has gone. */
  scheduleAlerts(touched: TouchedTickets): void;
  /** Retrains the learned snapshot now (after one in flight in this process) and saves it as a new version. */
  retrainLearned(): Promise<LearnedVersion>;
}
