import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The cookie that carries the launch secret once the printed address was opened. */
export const LAUNCH_COOKIE = 'desk_launch';

const OPEN_PREFIX = '/open/';

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieOf(request: FastifyRequest, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/**
 * Nothing of the web host answers without this launch's secret. The printed
 * address `/open/<secret>/<page>` sets it as an HttpOnly, SameSite=Strict
 * cookie and redirects to `/<page>` (so the secret leaves the address bar and
 * history); every other request — pages, scripts, the DeskApi socket — must
 * carry the cookie. A page or socket without it gets a 403 that says how to
 * open the workbench.
 */
export function launchGate(secret: string): (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> {
  return async (request, reply) => {
    const url = request.url;
    if (url.startsWith(OPEN_PREFIX)) {
      const rest = url.slice(OPEN_PREFIX.length);
      const slash = rest.search(/[/?]/);
      const given = slash === -1 ? rest : rest.slice(0, slash);
      if (!same(given, secret)) return reply.code(403).type('text/plain; charset=utf-8').send('地址中的密钥不正确：请使用网页主机本次启动时打印的地址。');
      const target = slash === -1 ? '/' : rest.slice(slash).replace(/^\?/, '/?');
      return reply
        .header('Set-Cookie', `${LAUNCH_COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Strict`)
        .redirect(target.startsWith('/') ? target : `/${target}`, 303);
    }
    const cookie = cookieOf(request, LAUNCH_COOKIE);
    if (!cookie || !same(cookie, secret)) {
      return reply.code(403).type('text/plain; charset=utf-8').send('请使用网页主机启动时打印的完整地址（含本次启动的密钥）打开工作台。');
    }
    return undefined;
  };
}
