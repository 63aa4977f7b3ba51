import type { ThemeConfig } from 'antd';
import { theme } from 'antd';
import type { Settings } from '../../../shared/settings';

/**
 * Light for day shifts; a dark theme for nights, with muted contrast so a
 * 12-hour night in a dimmed room is easier on the eyes.
 */
export function themeConfig(mode: Settings['theme']): ThemeConfig {
  return {
    algorithm: mode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm,
    // At night the primary blue is light enough to read as text on the dark panels (links, the selected tab), so
    // the text on primary buttons is dark; tooltips keep their white text on their own dark grey.
    components: mode === 'dark' ? { Tooltip: { colorTextLightSolid: '#ffffff' } } : {},
    token: {
      colorPrimary: mode === 'dark' ? '#6fa8ec' : '#1f5fae',
      // Links follow the primary blue (antd's default link blue is 4.1:1 on white).
      colorLink: mode === 'dark' ? '#6fa8ec' : '#1f5fae',
      colorInfo: mode === 'dark' ? '#6fa8ec' : '#1f5fae',
      // Error text (Typography danger, field messages) at 4.5:1 or more on both themes' panels.
      ...(mode === 'dark' ? { colorTextLightSolid: '#0b1a2e', colorError: '#ff7b7b' } : { colorError: '#c41d1f' }),
      // By day, success and warning text (a call's quality, a note) at 4.5:1 or more on white; antd's are about 2–3:1.
      // Only the text tokens: a darker seed colour would turn the tints derived from it grey. Tags: styles.css.
      ...(mode === 'dark' ? {} : { colorSuccessText: '#237804', colorWarningText: '#874d00' }),
      // Secondary text, descriptions and placeholders at 4.5:1 or more on the panels of both themes (WCAG 2.1 AA);
      // antd's defaults are translucent greys of about 2.5–4:1. Disabled controls keep antd's own (exempt) grey.
      ...(mode === 'dark'
        ? { colorTextSecondary: '#b8b8b8', colorTextTertiary: '#a8a8a8', colorTextQuaternary: '#9a9a9a', colorTextPlaceholder: '#9a9a9a', colorTextDescription: '#a8a8a8' }
        : { colorTextSecondary: '#555555', colorTextTertiary: '#5e5e5e', colorTextQuaternary: '#666666', colorTextPlaceholder: '#666666', colorTextDescription: '#5e5e5e' }),
      fontSize: 14,
      borderRadius: 4,
      fontFamily:
        '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", sans-serif',
    },
  };
}

type Token = ReturnType<typeof theme.useToken>['token'];

/**
 * The theme's colours and sizes as CSS variables, set on the desk's surface: the desk's own light pieces (core/Panel,
 * core/Text, core/PaneTabs) are drawn with the same tokens antd's Card, Typography and Tabs use, day and night.
 */
export function themeVariables(token: Token): React.CSSProperties {
  return {
    '--desk-bg-container': token.colorBgContainer,
    '--desk-line': token.colorBorderSecondary,
    '--desk-radius-lg': `${token.borderRadiusLG}px`,
    '--desk-text': token.colorText,
    '--desk-heading': token.colorTextHeading,
    '--desk-text-secondary': token.colorTextDescription,
    '--desk-text-success': token.colorSuccessText,
    '--desk-text-warning': token.colorWarningText,
    '--desk-text-danger': token.colorErrorText,
    '--desk-primary': token.colorPrimary,
    '--desk-primary-border': token.colorPrimaryBorder,
    '--desk-font-size-heading5': `${token.fontSizeHeading5}px`,
    '--desk-line-height-heading5': String(token.lineHeightHeading5),
    '--desk-panel-head-height': `${token.fontSize * token.lineHeight + token.paddingXS * 2}px`,
  } as React.CSSProperties;
}
