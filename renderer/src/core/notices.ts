import type { MessageInstance } from 'antd/es/message/interface';

/**
 * Short notices at the top of the screen ("已复制", "保存失败：…"), antd's message API, without its code on the
 * first load: antd's message, notification and modal hooks (which `App` brings all together) are about 50 KiB the
 * first screen never shows. `NoticeHost` brings the message API in after the first paint; a notice asked for before
 * then waits and is shown as soon as it is in.
 */
type Level = 'success' | 'info' | 'warning' | 'error' | 'loading';
type Content = Parameters<MessageInstance[Level]>[0];
export type Notices = Record<Level, (content: Content) => void>;

/** At most this many notices wait for the host (older ones are dropped: by then they are out of date anyway). */
const MAX_WAITING = 10;

let shown: MessageInstance | null = null;
const waiting: ((api: MessageInstance) => void)[] = [];

/** Called by the host when antd's message API is up (and with null when it goes); waiting notices show now. */
export function setNoticeApi(api: MessageInstance | null): void {
  shown = api;
  if (api) for (const show of waiting.splice(0)) show(api);
}

function notice(level: Level): (content: Content) => void {
  return (content) => {
    if (shown) {
      void shown[level](content);
      return;
    }
    waiting.push((api) => void api[level](content));
    if (waiting.length > MAX_WAITING) waiting.shift();
  };
}

export const notices: Notices = {
  success: notice('success'),
  info: notice('info'),
  warning: notice('warning'),
  error: notice('error'),
  loading: notice('loading'),
};

/** The notices, as a hook for components (the same object every time: safe in dependency lists). */
export function useNotices(): Notices {
  return notices;
}
