import type { HubHandlers } from '../http/route';
import { rotateSigningKey } from '../auth/signing-keys';
import { createAccount, listAccounts, login, logout, refresh, setAccountDisabled } from './accounts';

/** Sessions (sign in, renew, sign out), the admins' accounts and the token signing key. */
export const accountHandlers = {
  login: ({ hub, body, ip }) => login(hub, body, ip),
  refreshSession: ({ hub, user }) => refresh(hub, user),
  logout: ({ hub, user }) => logout(hub, user),
  setAccountDisabled: ({ hub, params, body }) => setAccountDisabled(hub, params.username, body.disabled),
  rotateSigningKey: ({ hub }) => rotateSigningKey(hub.sql),
  listAccounts: ({ hub }) => listAccounts(hub.sql),
  createAccount: ({ hub, body }) => createAccount(hub.sql, body),
} satisfies Pick<HubHandlers, 'login' | 'refreshSession' | 'logout' | 'setAccountDisabled' | 'rotateSigningKey' | 'listAccounts' | 'createAccount'>;
