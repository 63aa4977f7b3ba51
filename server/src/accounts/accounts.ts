import type { Account, HubSession, LoginInput } from '../../../shared/hub/auth';
import { hashPassword, needsRehash, verifyPassword } from '../auth/passwords';
import { revokeSession, revokeSessionsOf, startSession } from '../auth/sessions';
import { checkThrottle, clearAccountFailures, recordFailure } from '../auth/sign-in-throttle';
import { TOKEN_LIFETIME_S } from '../auth/tokens';
import type { TokenClaims } from '../auth/tokens';
import type { Sql } from '../db/sql';
import type { HubContext } from '../hub-context';
import { HubFailure } from '../http/failure';
import { secretMatches } from '../desks/desk-secrets';
import { activeDesk } from '../desks/enrolment';

interface AccountRow extends Record<string, unknown> {
  username: string;
  display_name: string;
  role: Account['role'];
  password_hash: string;
  department_id: string | null;
  team: string | null;
  disabled: boolean;
}

const toAccount = (row: AccountRow): Account => ({
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  departmentId: row.department_id,
  team: row.team,
});

/**
 * Same answer and about the same time for an unknown name and a wrong password, so names cannot be probed;
 * throttled per account and per address before any hash is computed (sign-in-throttle.ts). A correct password
 * stored under older parameters is hashed again at current ones.
 */
/** Roles whose sessions always act for an enrolled desk (supervisors and admins also sign in from their own tools). */
const DESK_ONLY_ROLES: readonly Account['role'][] = ['operator', 'trainee'];

export async function login(hub: HubContext, input: LoginInput, address: string): Promise<HubSession> {
  const now = hub.now();
  await checkThrottle(hub.sql, input.username, address, now);
  const [row] = await hub.sql.query<AccountRow>('SELECT * FROM accounts WHERE username = $1', [input.username]);
  const ok = await verifyPassword(input.password, row?.password_hash ?? (await hub.dummyPasswordHash));
  // Operators and trainees work only at an enrolled desk: their password alone, from any other machine, opens
  // nothing, and is answered like a wrong one so that it cannot be tried from there either.
  const deskless = !input.deskId && row !== undefined && DESK_ONLY_ROLES.includes(row.role);
  if (!row || !ok || row.disabled || deskless) {
    await recordFailure(hub.sql, input.username, address, now);
    throw new HubFailure('UNAUTHENTICATED', 'wrong account or password', { reason: 'BAD_CREDENTIALS' });
  }
  await clearAccountFailures(hub.sql, input.username);
  if (needsRehash(row.password_hash)) {
    await hub.sql.query('UPDATE accounts SET password_hash = $2 WHERE username = $1 AND password_hash = $3', [row.username, await hashPassword(input.password), row.password_hash]);
  }
  const deskRoles: readonly Account['role'][] = ['operator', 'trainee', 'supervisor', 'admin'];
  if (input.deskId && !deskRoles.includes(row.role)) throw new HubFailure('FORBIDDEN', `role ${row.role} does not sign in at a desk`, { reason: 'NOT_A_DESK_ROLE' });
  const deskId = input.deskId ?? null;
  if (deskId) await proveDesk(hub, deskId, input.deskCredential, row.username);
  const { sid, endsAt } = await startSession(hub.sql, row.username, deskId, now);
  return issueSession(hub, toAccount(row), deskId, sid, endsAt);
}

/**
 * A session acts for a desk only when the desk proves it is the enrolled one
 * (its credential, never just its id); the account is then remembered as one
 * that worked at this desk, whose queued work a later shift may deliver.
 */
async function proveDesk(hub: HubContext, deskId: string, credential: string | undefined, username: string): Promise<void> {
  const desk = await activeDesk(hub.sql, deskId);
  if (!desk || !credential || !secretMatches(credential, desk.credentialHash)) {
    throw new HubFailure('DESK_NOT_ENROLLED', 'desk not enrolled (or retired, or its credential is wrong); redeem an enrolment code');
  }
  const at = hub.now().toISOString();
  // From now on the code cannot be redeemed again, even by this desk.
  if (!desk.credentialUsed) await hub.sql.query('UPDATE desks SET credential_used = true WHERE desk_id = $1', [deskId]);
  await hub.sql.query(
    `INSERT INTO desk_accounts (desk_id, username, first_at, last_at) VALUES ($1, $2, $3, $3)
     ON CONFLICT (desk_id, username) DO UPDATE SET last_at = excluded.last_at`,
    [deskId, username, at],
  );
}

/** A token for the session: an hour, or less when the session's shift ends sooner. */
export function issueSession(hub: HubContext, account: Account, deskId: string | null, sid: string, endsAt: Date): HubSession {
  const nowS = Math.floor(hub.now().getTime() / 1000);
  const exp = Math.min(nowS + TOKEN_LIFETIME_S, Math.floor(endsAt.getTime() / 1000));
  const claims: TokenClaims = { sub: account.username, role: account.role, departmentId: account.departmentId, deskId, sid, exp };
  return { token: hub.signer.sign(claims), expiresAt: new Date(exp * 1000).toISOString(), expiresInS: exp - nowS, account, deskId };
}

/**
 * A fresh token for a live session, never past the session's limit (one shift from the first sign-in): after it
 * the account signs in again. Role and department are read again, so a changed account takes effect here.
 */
export async function refresh(hub: HubContext, user: TokenClaims): Promise<HubSession> {
  const [row] = await hub.sql.query<AccountRow & { ends_at: Date | string }>(
    'SELECT a.*, s.ends_at FROM sessions s JOIN accounts a ON a.username = s.username WHERE s.id = $1 AND s.revoked_at IS NULL AND NOT a.disabled',
    [user.sid],
  );
  if (!row) throw new HubFailure('UNAUTHENTICATED', 'session ended', { reason: 'SESSION_EXPIRED' });
  const endsAt = new Date(row.ends_at);
  if (endsAt.getTime() - hub.now().getTime() < 1000) throw new HubFailure('UNAUTHENTICATED', 'session has lasted a whole shift; sign in again', { reason: 'SHIFT_OVER' });
  return issueSession(hub, toAccount(row), user.deskId, user.sid, endsAt);
}

/** Sign-out: the session ends now, on every hub process (its live sockets close). */
export async function logout(hub: HubContext, user: TokenClaims): Promise<{ ok: true }> {
  await revokeSession(hub.sql, user.sid, hub.now());
  return { ok: true };
}

/** Disabling an account ends its sessions at once (and closes its live sockets); enabling lets it sign in again. */
export async function setAccountDisabled(hub: HubContext, username: string, disabled: boolean): Promise<Account> {
  return hub.sql.transaction(async (tx) => {
    const [row] = await tx.query<AccountRow>('UPDATE accounts SET disabled = $2 WHERE username = $1 RETURNING *', [username, disabled]);
    if (!row) throw new HubFailure('NOT_FOUND', `no account ${username}`, { reason: 'ACCOUNT_NOT_FOUND', subject: username });
    if (disabled) await revokeSessionsOf(tx, username, hub.now());
    return toAccount(row);
  });
}

export async function getAccount(sql: Sql, username: string): Promise<Account | null> {
  const [row] = await sql.query<AccountRow>('SELECT * FROM accounts WHERE username = $1', [username]);
  return row ? toAccount(row) : null;
}

export async function listAccounts(sql: Sql): Promise<Account[]> {
  return (await sql.query<AccountRow>('SELECT * FROM accounts ORDER BY username')).map(toAccount);
}

export async function createAccount(
  sql: Sql,
  input: { username: string; displayName: string; role: Account['role']; password: string; departmentId: string | null; team: string | null },
): Promise<Account> {
  if (input.role === 'department' && !input.departmentId) throw new HubFailure('INVALID_INPUT', 'a department account names its department', { reason: 'DEPARTMENT_REQUIRED', issues: [{ path: 'departmentId', message: 'required for role department', code: 'REQUIRED' }] });
  if (input.departmentId) {
    const [dept] = await sql.query('SELECT 1 FROM departments WHERE id = $1 AND NOT deleted', [input.departmentId]);
    if (!dept) throw new HubFailure('INVALID_INPUT', `no department ${input.departmentId}`, { reason: 'UNKNOWN_DEPARTMENTS', refs: [input.departmentId] });
  }
  const hash = await hashPassword(input.password);
  const rows = await sql.query<AccountRow>(
    'INSERT INTO accounts (username, display_name, role, password_hash, department_id, team) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING *',
    [input.username, input.displayName, input.role, hash, input.departmentId, input.team],
  );
  if (!rows[0]) throw new HubFailure('CONFLICT', `account ${input.username} exists already`, { reason: 'ACCOUNT_EXISTS', subject: input.username });
  return toAccount(rows[0]);
}
