import type { MessageInstance } from 'antd/es/message/interface';
import { afterEach, describe, expect, it } from 'vitest';
import { notices, setNoticeApi } from './notices';

/** A stand-in for antd's message API that records what it was asked to show. */
function recordingApi(shown: string[]): MessageInstance {
  const show = (level: string) => (content: unknown) => {
    shown.push(`${level}:${String(content)}`);
    return Object.assign(() => undefined, { then: () => Promise.resolve(true) }) as never;
  };
  return { success: show('success'), info: show('info'), warning: show('warning'), error: show('error'), loading: show('loading'), open: show('open'), destroy: () => undefined };
}

describe('notices', () => {
  afterEach(() => {
    setNoticeApi(null);
  });

  it('keeps notices asked for before the message API is in and shows them in order once it is', () => {
    notices.info('已保存');
    notices.error('保存失败');
    const shown: string[] = [];
    setNoticeApi(recordingApi(shown));
    expect(shown).toEqual(['info:已保存', 'error:保存失败']);
    notices.success('已复制');
    expect(shown).toEqual(['info:已保存', 'error:保存失败', 'success:已复制']);
  });

  it('keeps only the newest ten while waiting', () => {
    for (let i = 1; i <= 15; i++) notices.warning(`第${String(i)}条`);
    const shown: string[] = [];
    setNoticeApi(recordingApi(shown));
    expect(shown).toHaveLength(10);
    expect(shown[0]).toBe('warning:第6条');
    expect(shown[9]).toBe('warning:第15条');
  });

  it('waits again after the host goes', () => {
    const first: string[] = [];
    setNoticeApi(recordingApi(first));
    setNoticeApi(null);
    notices.info('稍后显示');
    expect(first).toEqual([]);
    const second: string[] = [];
    setNoticeApi(recordingApi(second));
    expect(second).toEqual(['info:稍后显示']);
  });
});
