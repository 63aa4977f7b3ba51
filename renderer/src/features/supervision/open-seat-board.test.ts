import type { TFunction } from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskSession } from '../../../../shared/hub/desk-session';
import type { Result } from '../../../../shared/result';
import { zhCN } from '../../i18n/resources';

const openSeatBoardCall = vi.fn<() => Promise<Result<{ openedByHost: boolean }>>>();
vi.mock('../../desk/desk', () => ({ desk: { openSeatBoard: () => openSeatBoardCall() } }));
const { openSeatBoard, SEAT_BOARD_URL, SEAT_BOARD_WINDOW } = await import('./open-seat-board');

/** Enough of i18next for these sentences: the Chinese text of a namespaced key, with {{reason}} filled in. */
const t = ((key: string, values?: { reason?: string }) => {
  const [namespace = '', path = ''] = key.split(':');
  const text = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], (zhCN as Record<string, unknown>)[namespace]);
  return String(text).replace('{{reason}}', values?.reason ?? '');
}) as unknown as TFunction;

const as = (role: DeskSession['role']): Pick<DeskSession, 'role'> => ({ role });

describe('opening the seat board (Alt+9, the 座席监控 button)', () => {
  const open = vi.fn();
  const notify = vi.fn();

  beforeEach(() => {
    openSeatBoardCall.mockReset();
    open.mockReset();
    notify.mockReset();
    vi.stubGlobal('window', { open });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([['an operator', as('operator')], ['a trainee', as('trainee')], ['nobody signed in', null]])('tells %s, in Chinese, that it is for supervisors, and opens nothing', async (_who, session) => {
    await openSeatBoard(session, notify, t);
    expect(notify).toHaveBeenCalledWith('座席监控只对班长、管理员账号开放');
    expect(openSeatBoardCall).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
  });

  it('leaves the window to the desktop app when it opened one', async () => {
    openSeatBoardCall.mockResolvedValue({ ok: true, value: { openedByHost: true } });
    await openSeatBoard(as('supervisor'), notify, t);
    expect(openSeatBoardCall).toHaveBeenCalledTimes(1);
    expect(open).not.toHaveBeenCalled();
    expect(notify).not.toHaveBeenCalled();
  });

  it('opens the board as a named tab for a host without windows, and brings that tab forward the next time', async () => {
    const tab = { closed: false, focus: vi.fn() };
    open.mockReturnValue(tab);
    openSeatBoardCall.mockResolvedValue({ ok: true, value: { openedByHost: false } });
    await openSeatBoard(as('admin'), notify, t);
    expect(open).toHaveBeenCalledWith(SEAT_BOARD_URL, SEAT_BOARD_WINDOW);
    expect(SEAT_BOARD_URL).toBe('/?view=board');
    await openSeatBoard(as('admin'), notify, t);
    expect(open).toHaveBeenCalledTimes(1);
    expect(tab.focus).toHaveBeenCalledTimes(1);

    // Closed by the supervisor: the next request opens it again.
    tab.closed = true;
    await openSeatBoard(as('supervisor'), notify, t);
    expect(open).toHaveBeenCalledTimes(2);
    expect(notify).not.toHaveBeenCalled();
  });

  it('says so when the browser blocks the tab or the desk cannot answer', async () => {
    open.mockReturnValue(null);
    openSeatBoardCall.mockResolvedValue({ ok: true, value: { openedByHost: false } });
    await openSeatBoard(as('supervisor'), notify, t);
    expect(notify).toHaveBeenLastCalledWith(zhCN.supervision.board.blocked);

    openSeatBoardCall.mockResolvedValue({ ok: false, error: { code: 'DISCONNECTED', message: 'socket closed' } });
    await openSeatBoard(as('supervisor'), notify, t);
    expect(notify).toHaveBeenLastCalledWith('座席监控未能打开：本地服务未连接');
  });
});
