import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Settings } from '../../../shared/settings';
import { namespaces, zhCN } from './source-strings';

export const i18n: I18n = i18next.createInstance();

// Only the source language comes with the first paint; English is fetched when a desk is set to it.
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': zhCN },
  ns: namespaces,
  defaultNS: 'common',
  nsSeparator: ':',
  keySeparator: '.',
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Switches the desk's language, first fetching its strings if this desk has not shown it yet. */
export async function applyLocale(locale: Settings['locale']): Promise<void> {
  if (!i18n.hasResourceBundle(locale, 'common')) {
    const { en } = await import('./resources');
    for (const ns of namespaces) i18n.addResourceBundle('en', ns, en[ns]);
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}
