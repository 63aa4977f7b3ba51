import type { DeskHandlers } from '../../../shared/desk-handlers';
import type { DeskDatabase } from '../db/database';
import type { AppStateStore } from '../app-state';
import { CallRecordStore } from './call-records';
import { PhoneSettingsService } from './phone-settings-service';
import type { SecretStore } from './secret-store';

export type PhoneHandlers = Pick<DeskHandlers, 'getPhoneSettings' | 'updatePhoneSettings' | 'getSipCredentials' | 'recordCall' | 'listCallRecords' | 'linkCallToTicket'>;

/** The phone's part of the desk's local core: account settings, sealed password, call records. */
export class PhoneService {
  readonly settings: PhoneSettingsService;
  readonly calls: CallRecordStore;

  constructor(db: DeskDatabase, appState: AppStateStore, secrets: SecretStore, labInsecureTransport: () => boolean = () => false) {
    this.settings = new PhoneSettingsService(appState, secrets, labInsecureTransport);
    this.calls = new CallRecordStore(db);
  }

  handlers(): PhoneHandlers {
    return {
      getPhoneSettings: () => this.settings.view(),
      updatePhoneSettings: (patch) => this.settings.update(patch),
      getSipCredentials: () => this.settings.credentials(),
      recordCall: (call) => this.calls.record(call),
      listCallRecords: ({ limit }) => this.calls.recent(limit),
      linkCallToTicket: ({ callId, ticketId }) => this.calls.link(callId, ticketId),
    };
  }
}
