import type { HubSession } from './hub/hub-session';
import type { SettingsService } from './settings-service';
import type { DeskSync } from './sync/desk-sync';

/**
 * Who is writing at this desk, and the sync side told of each queued write:
 * what every handler that changes a ticket or a draft needs.
 */
export class Authorship {
  constructor(
    private readonly hub: HubSession,
    private readonly settings: SettingsService,
    private readonly sync: DeskSync,
  ) {}

  /**
   * The signed-in operator; without a hub session, the seat (`seat:A-017`),
   * which the hub accepts from the desk's queue and records together with the
   * account that later delivers it.
   */
  author(): string {
    return this.hub.account()?.username ?? `seat:${this.settings.get().seatId || 'desk'}`;
  }

  /** Each operator has their own draft; without a hub session the desk keeps one shared draft. */
  draftKey(): string {
    const account = this.hub.account();
    return account ? `operator:${account.username}` : 'current';
  }

  /** A write has queued an outbox entry: tell the sync side and the status bar. */
  queued<T>(result: T): T {
    this.sync.queued();
    return result;
  }
}
