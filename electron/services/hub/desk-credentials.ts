import { z } from 'zod';
import type { DeskCredential } from '../../../shared/hub/desks';
import type { AppStateStore } from '../app-state';
import type { SecretStore } from '../phone/secret-store';

const KEY = 'hub.deskCredential';
const storedSchema = z.object({
  hubUrl: z.string(),
  deskId: z.string(),
  sealed: z.string(),
  kind: z.string(),
  seat: z.string(),
  team: z.string().nullable(),
  extension: z.string().nullable(),
});

/** One address however it was typed (a trailing slash, case of the host). */
const sameHub = (hubUrl: string): string => {
  try {
    return new URL(hubUrl).href.replace(/\/$/, '');
  } catch {
    return hubUrl;
  }
};

/**
 * The desk's enrolment at its hub: the credential it got for its one-time
 * code, sealed like the SIP password (OS keychain under Electron, a key file
 * for the web host), in this database beside the desk id it was bound to — a
 * rebuilt database has a new desk id and must be enrolled again.
 */
export class DeskCredentials {
  constructor(
    private readonly store: AppStateStore,
    private readonly secrets: SecretStore,
    private readonly deskId: string,
  ) {}

  /** The credential for this hub, or null (not enrolled there, another desk id, or sealed with a key this host no longer has). */
  read(hubUrl: string): DeskCredential | null {
    const saved = this.store.read(KEY, storedSchema.nullable(), null);
    if (!saved || saved.hubUrl !== sameHub(hubUrl) || saved.deskId !== this.deskId) return null;
    try {
      return { deskId: saved.deskId, credential: this.secrets.unseal(saved.sealed), seat: saved.seat, team: saved.team, extension: saved.extension };
    } catch {
      return null;
    }
  }

  save(hubUrl: string, credential: DeskCredential): void {
    const { credential: secret, ...facts } = credential;
    this.store.write(KEY, storedSchema.nullable(), { ...facts, hubUrl: sameHub(hubUrl), sealed: this.secrets.seal(secret), kind: this.secrets.kind });
  }

  /** The hub said the enrolment is gone (retired): forget it, so the operator is asked for a new code. */
  clear(): void {
    this.store.write(KEY, storedSchema.nullable(), null);
  }
}
