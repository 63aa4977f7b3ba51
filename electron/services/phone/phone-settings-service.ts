import { z } from 'zod';
import { issuesOf } from '../../../shared/desk-handlers';
import type { PhoneSettings, PhoneSettingsPatch, PhoneSettingsView, SipCredentials } from '../../../shared/phone/phone-settings';
import { defaultPhoneSettings, phoneSettingsSchema, sipConnectSource } from '../../../shared/phone/phone-settings';
import { DeskFailure } from '../../../shared/result';
import { insecureTransportRefusal } from '../../../shared/transport';
import type { AppStateStore } from '../app-state';
import type { SecretStore } from './secret-store';

const SETTINGS_KEY = 'phone.settings';
const SECRET_KEY = 'phone.password';
const sealedSchema = z.object({ sealed: z.string(), kind: z.string() });

/**
 * The phone account: settings as a JSON document, the password sealed by the
 * host's SecretStore in a separate document (never in plain text, never sent
 * to the renderer except through `credentials()` for its user agent).
 */
export class PhoneSettingsService {
  private readonly listeners = new Set<(view: PhoneSettingsView) => void>();

  constructor(
    private readonly store: AppStateStore,
    private readonly secrets: SecretStore,
    /** The desk's lab switch: a plain ws:// proxy other than this machine is used only while it is on. */
    private readonly labInsecureTransport: () => boolean = () => false,
  ) {}

  settings(): PhoneSettings {
    const saved = this.store.read(SETTINGS_KEY, phoneSettingsSchema.partial(), {});
    return { ...defaultPhoneSettings, ...saved };
  }

  view(): PhoneSettingsView {
    return { ...this.settings(), hasPassword: this.store.read(SECRET_KEY, sealedSchema.nullable(), null) !== null, secretStorage: this.secrets.kind };
  }

  update(patch: PhoneSettingsPatch): PhoneSettingsView {
    const { password, ...fields } = patch;
    const checked = phoneSettingsSchema.safeParse({ ...this.settings(), ...fields });
    if (!checked.success) throw new DeskFailure('INVALID_INPUT', 'phone settings would be invalid', issuesOf(checked.error));
    const refusal = insecureTransportRefusal(checked.data.serverUri, this.labInsecureTransport(), 'sip');
    if (refusal) throw new DeskFailure('INVALID_INPUT', 'plain ws:// to another machine is refused', [{ path: 'serverUri', message: refusal, code: refusal }]);
    this.store.write(SETTINGS_KEY, phoneSettingsSchema, checked.data);
    if (password !== undefined) {
      this.store.write(SECRET_KEY, sealedSchema.nullable(), password === null ? null : { sealed: this.secrets.seal(password), kind: this.secrets.kind });
    }
    const view = this.view();
    for (const listener of this.listeners) listener(view);
    return view;
  }

  /** For the renderer's user agent only. A password sealed with another key reads as none (the operator re-enters it). */
  credentials(): SipCredentials {
    // Checked again here: the lab switch may have been turned off since the address was saved.
    const refusal = insecureTransportRefusal(this.settings().serverUri, this.labInsecureTransport(), 'sip');
    if (refusal) throw new DeskFailure('INVALID_INPUT', 'plain ws:// to another machine is refused', [{ path: 'serverUri', message: refusal, code: refusal }]);
    const sealed = this.store.read(SECRET_KEY, sealedSchema.nullable(), null);
    let password = '';
    if (sealed) {
      try {
        password = this.secrets.unseal(sealed.sealed);
      } catch {
        password = '';
      }
    }
    return { settings: this.settings(), password };
  }

  /** Origins the workbench's Content-Security-Policy must allow for the SIP WebSocket. */
  connectSources(): string[] {
    const source = sipConnectSource(this.settings());
    return source ? [source] : [];
  }

  onChange(listener: (view: PhoneSettingsView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
