import { ConfigProvider, theme } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, useState } from 'react';
import { BoardView } from '../features/board';
import { applyLocale, i18n } from '../i18n/i18n';
import { useLocale, useSettingsStore, useTheme } from '../stores/settings-store';
import { KnowledgeWindow } from './KnowledgeWindow';
import { themeConfig, themeVariables } from './theme';
import { Workbench } from './Workbench';
import { useDeskEvents } from './use-desk-events';

/** antd's message holder, fetched once the first screen has painted (see core/notices). */
const NoticeHost = lazy(() => import('../core/NoticeHost'));

/** The detached knowledge window loads the same bundle at `#/knowledge`. */
const isKnowledgeWindow = window.location.hash === '#/knowledge';
/** The supervisors' seat board is the same app at `?view=board`, loaded on demand so the workbench never carries it. */
const isBoard = new URLSearchParams(window.location.search).get('view') === 'board';

export function App(): React.JSX.Element {
  const locale = useLocale();
  const mode = useTheme();
  const load = useSettingsStore((s) => s.load);
  const loaded = useSettingsStore((s) => s.loaded);

  useEffect(() => {
    void load();
  }, [load]);
  useDeskEvents();

  // The language whose strings are in (English is fetched the first time it is chosen).
  const [languageIn, setLanguageIn] = useState<typeof locale | null>(null);
  useEffect(() => {
    let current = true;
    const applied = (): void => {
      if (current) setLanguageIn(locale);
    };
    // Should the English strings fail to load, the desk shows Chinese (the fallback language) rather than nothing.
    applyLocale(locale).then(applied, applied);
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    return () => {
      current = false;
    };
  }, [locale]);
  useEffect(() => {
    document.documentElement.dataset.theme = mode;
  }, [mode]);

  // Wait for the saved settings and their language's strings, so a night-shift operator never sees a flash of the
  // light theme or of the other language; once the workbench is up, changing the language never hides it.
  const [shown, setShown] = useState(false);
  const ready = shown || (loaded && languageIn === locale);
  if (ready && !shown) setShown(true);

  useEffect(() => {
    // Read by the `ui` benchmark: the workbench is on screen with the operator's own settings.
    if (ready && performance.getEntriesByName('desk:first-render').length === 0) performance.mark('desk:first-render');
  }, [ready]);

  // The notices' code is asked for in the frame after the first paint, not with it.
  const [noticesWanted, setNoticesWanted] = useState(false);
  useEffect(() => {
    if (!ready) return;
    const frame = requestAnimationFrame(() => {
      setNoticesWanted(true);
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [ready]);

  if (!ready) return <div className="desk-loading">{i18n.t('common:app.loading')}</div>;

  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={themeConfig(mode)}>
      <DeskSurface>
        {isBoard ? (
          <Suspense fallback={<div className="desk-loading">{i18n.t('common:app.loading')}</div>}>
            <BoardView />
          </Suspense>
        ) : isKnowledgeWindow ? (
          <KnowledgeWindow />
        ) : (
          <Workbench />
        )}
        {noticesWanted && (
          <Suspense fallback={null}>
            <NoticeHost />
          </Suspense>
        )}
      </DeskSurface>
    </ConfigProvider>
  );
}

/**
 * The text colour and font of the theme for everything inside (what antd's App component gives its children), and the
 * theme's colours as CSS variables for the desk's own pieces drawn the way antd draws them (styles.css).
 */
function DeskSurface({ children }: { children: React.ReactNode }): React.JSX.Element {
  const { token } = theme.useToken();
  return (
    <div className="desk-app" style={{ color: token.colorText, fontSize: token.fontSize, lineHeight: token.lineHeight, fontFamily: token.fontFamily, ...themeVariables(token) }}>
      {children}
    </div>
  );
}
