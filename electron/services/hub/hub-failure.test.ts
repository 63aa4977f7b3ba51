import { describe, expect, it } from 'vitest';
import { DeskFailure } from '../../../shared/result';
import { HubRequestError } from '../sync/hub-http';
import { SyncError } from '../sync/sync-engine';
import { asDeskFailure } from './hub-session';

const as = (error: unknown): { code: string; reason: string | undefined } => {
  const failure = asDeskFailure(error) as DeskFailure;
  expect(failure).toBeInstanceOf(DeskFailure);
  return { code: failure.code, reason: failure.details?.reason };
};

describe('a failed hub exchange on the desk', () => {
  it('carries the hub’s own codes, never the local transport’s (FORBIDDEN_SENDER, DISCONNECTED)', () => {
    expect(as(new SyncError('AUTH_REQUIRED', '账号或密码不正确'))).toEqual({ code: 'HUB_UNAUTHENTICATED', reason: undefined });
    expect(as(new HubRequestError(403, 'FORBIDDEN', '当前账号的角色无权进行此操作'))).toEqual({ code: 'HUB_FORBIDDEN', reason: 'FORBIDDEN' });
    expect(as(new SyncError('HUB_UNREACHABLE', '无法连接中心服务器'))).toEqual({ code: 'HUB_UNREACHABLE', reason: 'HUB_UNREACHABLE' });
    expect(as(new SyncError('HUB_FAILED', '中心服务器的答复不符合协议'))).toEqual({ code: 'HUB_REFUSED', reason: 'HUB_FAILED' });
  });

  it('keeps not found, conflict and invalid input as the desk’s generic codes, and names any other refusal by the hub’s code', () => {
    expect(as(new HubRequestError(404, 'NOT_FOUND', '没有这张工单'))).toEqual({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(as(new HubRequestError(409, 'CONFLICT', '没有这条预警，或它已被确认'))).toEqual({ code: 'CONFLICT', reason: 'CONFLICT' });
    expect(as(new HubRequestError(400, 'INVALID_INPUT', '请求内容不符合要求'))).toEqual({ code: 'INVALID_INPUT', reason: 'INVALID_INPUT' });
    expect(as(new HubRequestError(429, 'TOO_MANY_ATTEMPTS', '请 30 秒后再试'))).toEqual({ code: 'HUB_REFUSED', reason: 'TOO_MANY_ATTEMPTS' });
    expect(as(new HubRequestError(500, 'INTERNAL', '枢纽内部错误'))).toEqual({ code: 'HUB_REFUSED', reason: 'INTERNAL' });
  });
});
