import { describe, expect, it } from 'vitest';
import { TokenSigner, newSigningKey } from './tokens';
import type { SigningKey, TokenClaims } from './tokens';

const claims = (): TokenClaims => ({ sub: 'op01', role: 'operator', departmentId: null, deskId: null, sid: 's1', exp: Math.floor(Date.now() / 1000) + 600 });

/** A signer whose stored keys can be changed behind its back (another hub process rotating), counting its reads. */
function signerWithStore(initial: SigningKey[]): { signer: TokenSigner; store: { keys: SigningKey[]; reads: number } } {
  const store = { keys: initial, reads: 0 };
  const signer = new TokenSigner(initial, () => {
    store.reads += 1;
    return Promise.resolve(store.keys);
  });
  return { signer, store };
}

describe('token signer', () => {
  it('made-up key ids sent at once cost one read of the keys, not one each', async () => {
    const { signer, store } = signerWithStore([newSigningKey()]);
    const forged = Array.from({ length: 50 }, (_, i) => `bogus${String(i)}.${Buffer.from('{}').toString('base64url')}.sig`);
    expect(await Promise.all(forged.map((token) => signer.verify(token, Date.now())))).toEqual(forged.map(() => null));
    expect(store.reads).toBe(1);
  });

  it('a token signed with a key another process has just added verifies, even right after a read', async () => {
    const first = newSigningKey();
    const { signer, store } = signerWithStore([first]);
    expect(await signer.verify('bogus.e30.sig', Date.now())).toBeNull();
    const rotated = newSigningKey();
    store.keys = [rotated, first];
    const elsewhere = new TokenSigner([rotated, first]);
    const token = elsewhere.sign(claims());
    expect(await signer.verify(token, Date.now())).toMatchObject({ sub: 'op01', sid: 's1' });
    expect(store.reads).toBe(2);
  });
});
