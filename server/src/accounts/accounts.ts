import type { Account, HubSession, LoginInput } from '../../../shared/hub/auth';
import { hashPassword, verifyPassword } from '../auth/passwords';
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

/** Same answer and about the same time for an unknown name and a wrong password, so names cannot be probed. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function login(hub: HubContext, input: LoginInput): Promise<HubSession> {
  const [row] = await hub.sql.query<AccountRow>('SELECT * FROM accounts WHERE username = $1', [input.username]);
  const ok = await verifyPassword(input.password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok || row.disabled) throw new HubFailure('UNAUTHENTICATED', '账号或密码不正确');
  const deskRoles: readonly Account['role'][] = ['operator', 'trainee', 'supervisor', 'admin'];
  if (input.deskId && !deskRoles.includes(row.role)) throw new HubFailure('FORBIDDEN', '该账号不能在座席上登录');
  if (input.deskId) await proveDesk(hub, input.deskId, input.deskCredential, row.username);
  return issueSession(hub, toAccount(row), input.deskId ?? null);
}

/**
 * A session acts for a desk only when the desk proves it is the enrolled one
 * (its credential, never just its id); the account is then remembered as one
 * that worked at this desk, whose queued work a later shift may deliver.
 */
async function proveDesk(hub: HubContext, deskId: string, credential: string | undefined, username: string): Promise<void> {
  const desk = await activeDesk(hub.sql, deskId);
  if (!desk || !credential || !secretMatches(credential, desk.credentialHash)) {
    throw new HubFailure('DESK_NOT_ENROLLED', '本座席未在中心登记或登记已停用：请输入管理员给的登记码');
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

export function issueSession(hub: HubContext, account: Account, deskId: string | null): HubSession {
  const exp = Math.floor(hub.now().getTime() / 1000) + TOKEN_LIFETIME_S;
  const claims: TokenClaims = { sub: account.username, role: account.role, departmentId: account.departmentId, deskId, exp };
  return { token: hub.signer.sign(claims), expiresAt: new Date(exp * 1000).toISOString(), expiresInS: TOKEN_LIFETIME_S, account, deskId };
}

/** A fresh token for a still-valid session (the desk renews before expiry; a disabled account cannot). */
export async function refresh(hub: HubContext, user: TokenClaims): Promise<HubSession> {
  const [row] = await hub.sql.query<AccountRow>('SELECT * FROM accounts WHERE username = $1', [user.sub]);
  if (!row || row.disabled) throw new HubFailure('UNAUTHENTICATED', '账号已停用');
  return issueSession(hub, toAccount(row), user.deskId);
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
  if (input.role === 'department' && !input.departmentId) throw new HubFailure('INVALID_INPUT', '部门账号必须指定所属部门');
  if (input.departmentId) {
    const [dept] = await sql.query('SELECT 1 FROM departments WHERE id = $1 AND NOT deleted', [input.departmentId]);
    if (!dept) throw new HubFailure('INVALID_INPUT', `没有部门 ${input.departmentId}`);
  }
  const hash = await hashPassword(input.password);
  const rows = await sql.query<AccountRow>(
    'INSERT INTO accounts (username, display_name, role, password_hash, department_id, team) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING *',
    [input.username, input.displayName, input.role, hash, input.departmentId, input.team],
  );
  if (!rows[0]) throw new HubFailure('CONFLICT', `账号 ${input.username} 已存在`);
  return toAccount(rows[0]);
}
