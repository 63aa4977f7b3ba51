import { parseArgs } from 'node:util';
import { z } from 'zod';
import { directoryEntrySchema } from '../../shared/dispatch/directory';
import { sessionSchema } from '../../shared/hub/auth';
import { deskEnrolmentSchema, enrolledDeskSchema } from '../../shared/hub/desks';
import { hubErrorSchema } from '../../shared/hub/errors';
import { hubApi } from '../../shared/hub/hub-api';
import { describeHubError } from './http/error-text';

/**
 * A small admin tool that talks to a running hub over its API (so it works the
 * same on PGlite and PostgreSQL, and leaves an ordinary admin session in the
 * hub's records):
 *
 *   npm run hub:admin -- desks enrol --seat A-017 --team 一组 [--extension 1017] [--hours 24]
 *   npm run hub:admin -- desks list
 *   npm run hub:admin -- desks retire <enrolment id>
 *   npm run hub:admin -- directory list
 *   npm run hub:admin -- directory put --id city-hrss-wang --department city-hrss --kind expert --name 王建国 [--topic 社保政策] --number 8711
 *   npm run hub:admin -- directory delete <entry id>
 *   npm run hub:admin -- learned retrain
 *
 * Environment: HUB_URL (default http://127.0.0.1:8720), HUB_ADMIN_USER (default admin),
 * HUB_ADMIN_PASSWORD (asked for when not set).
 */
const usage = `用法:
  npm run hub:admin -- desks enrol --seat A-017 [--team 一组] [--extension 1017] [--hours 24]
  npm run hub:admin -- desks list
  npm run hub:admin -- desks retire <登记号>
  npm run hub:admin -- directory list
  npm run hub:admin -- directory put --id <编号> --department <部门编号> --kind department|line|expert --name <名称> [--topic <事项>] --number <分机或 sip: 地址>
  npm run hub:admin -- directory delete <编号>
  npm run hub:admin -- learned retrain      （立即重新训练派单模型与知识扩展，生成新版本）
环境变量: HUB_URL（默认 http://127.0.0.1:8720）, HUB_ADMIN_USER（默认 admin）, HUB_ADMIN_PASSWORD`;

const hubUrl = process.env.HUB_URL ?? 'http://127.0.0.1:8720';

async function request<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown, token?: string): Promise<z.output<S>> {
  const response = await fetch(new URL(path, hubUrl), {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = hubErrorSchema.safeParse(json);
    throw new Error(error.success ? describeHubError(error.data) : `HTTP ${String(response.status)}`);
  }
  return schema.parse(json);
}


async function password(): Promise<string> {
  if (process.env.HUB_ADMIN_PASSWORD) return process.env.HUB_ADMIN_PASSWORD;
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question('管理员密码: ');
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seat: { type: 'string' },
      team: { type: 'string' },
      extension: { type: 'string' },
      hours: { type: 'string' },
      id: { type: 'string' },
      department: { type: 'string' },
      kind: { type: 'string' },
      name: { type: 'string' },
      topic: { type: 'string' },
      number: { type: 'string' },
    },
  });
  const [area, action, id] = positionals;
  const known = area === 'desks' ? ['enrol', 'list', 'retire'] : area === 'directory' ? ['list', 'put', 'delete'] : area === 'learned' ? ['retrain'] : [];
  if (!action || !known.includes(action)) throw new Error(usage);
  const session = await request('POST', '/v1/auth/login', sessionSchema, { username: process.env.HUB_ADMIN_USER ?? 'admin', password: await password() });
  const token = session.token;
  if (area === 'learned') {
    const route = hubApi.retrainLearned;
    const trained = await request(route.method, route.path, route.response, undefined, token);
    const { accepted, returned, kbUses } = trained.evidence;
    console.log(`已生成学习快照第 ${String(trained.version)} 版：签收 ${String(accepted)} 件、退回 ${String(returned)} 件、知识使用 ${String(kbUses)} 次（座席下次同步时取用）`);
    return;
  }
  if (area === 'directory') {
    if (action === 'list') {
      for (const e of await request('GET', '/v1/directory', z.array(directoryEntrySchema), undefined, token)) {
        console.log([e.id.padEnd(32), e.kind.padEnd(10), e.departmentId.padEnd(24), e.number.padEnd(12), e.name, e.topic].join('  ').trimEnd());
      }
    } else if (action === 'put') {
      // Checked here with the same schema as the hub's, so a mistake is named before anything is sent.
      const entry = directoryEntrySchema.safeParse({ id: values.id, kind: values.kind, departmentId: values.department, name: values.name, topic: values.topic ?? '', number: values.number });
      if (!entry.success) throw new Error(`${entry.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}\n${usage}`);
      const saved = await request('PUT', `/v1/directory/${entry.data.id}`, directoryEntrySchema, entry.data, token);
      console.log(`已保存转接通讯录条目 ${saved.id}：${saved.name} ${saved.number}（座席下次同步时生效）`);
    } else {
      if (!id) throw new Error(`请给出条目编号\n${usage}`);
      await request('DELETE', `/v1/directory/${encodeURIComponent(id)}`, z.object({ ok: z.literal(true) }), undefined, token);
      console.log(`已删除转接通讯录条目 ${id}（座席下次同步时生效）`);
    }
    return;
  }
  if (action === 'enrol') {
    if (!values.seat) throw new Error(`请用 --seat 指定座席号\n${usage}`);
    const enrolled = await request(
      'POST',
      '/v1/desks',
      enrolledDeskSchema,
      { seat: values.seat, team: values.team ?? null, extension: values.extension ?? null, ...(values.hours ? { expiresInHours: Number(values.hours) } : {}) },
      token,
    );
    const hours = Math.round(enrolled.codeExpiresInS / 3600);
    console.log(`座席 ${enrolled.enrolment.seat}（登记号 ${String(enrolled.enrolment.id)}）的一次性登记码：${enrolled.code}`);
    console.log(`${String(hours)} 小时内有效，只能用一次：在该座席签入中心时输入。`);
  } else if (action === 'list') {
    const desks = await request('GET', '/v1/desks', z.array(deskEnrolmentSchema), undefined, token);
    for (const d of desks) {
      console.log([String(d.id).padStart(4), d.seat.padEnd(10), (d.team ?? '-').padEnd(8), d.state.padEnd(8), d.deskId ?? '-', d.accounts.join(',') || '-'].join('  '));
    }
  } else {
    if (!id || !/^\d+$/.test(id)) throw new Error(`请给出登记号\n${usage}`);
    const retired = await request('POST', `/v1/desks/${id}/retire`, deskEnrolmentSchema, undefined, token);
    console.log(`已停用座席 ${retired.seat}（登记号 ${String(retired.id)}）：其会话已失效，凭据不能再登录。`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
