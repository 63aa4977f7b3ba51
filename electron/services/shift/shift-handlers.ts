import type { DeskHandlers } from '../../../shared/desk-handlers';
import type { Authorship } from '../authorship';
import type { HubSession } from '../hub/hub-session';
import type { SettingsService } from '../settings-service';
import type { ShiftSummaryReader } from './shift-summary-reader';

export interface ShiftHandlerDeps {
  shiftSummary: ShiftSummaryReader;
  hub: HubSession;
  settings: SettingsService;
  authorship: Authorship;
}

/** The outgoing operator's shift summary, from this desk's own rows. */
export const shiftHandlers = ({ shiftSummary, hub, settings, authorship }: ShiftHandlerDeps) =>
  ({
    getShiftSummary: ({ utcOffsetMinutes }) =>
      shiftSummary.read({
        operator: authorship.author(),
        draftKey: authorship.draftKey(),
        signedInAt: hub.signedInAt(),
        rotation: settings.get().shift,
        utcOffsetMinutes,
        now: Date.now(),
      }),
  }) satisfies Pick<DeskHandlers, 'getShiftSummary'>;
