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
    token: {
      colorPrimary: mode === 'dark' ? '#4f8fdc' : '#1f5fae',
      fontSize: 14,
      borderRadius: 4,
      fontFamily:
        '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", sans-serif',
    },
  };
}
