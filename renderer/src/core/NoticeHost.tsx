import { message } from 'antd';
import { useEffect } from 'react';
import { setNoticeApi } from './notices';

/** Lazily loaded: renders antd's message holder (inside the theme and locale) and hands its API to `notices`. */
export default function NoticeHost(): React.JSX.Element {
  const [api, holder] = message.useMessage();
  useEffect(() => {
    setNoticeApi(api);
    return () => {
      setNoticeApi(null);
    };
  }, [api]);
  return holder;
}
