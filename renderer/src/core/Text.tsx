type Tone = 'secondary' | 'success' | 'warning' | 'danger';

interface TextProps extends React.HTMLAttributes<HTMLSpanElement> {
  type?: Tone;
  strong?: boolean;
  'data-testid'?: string;
}

/**
 * A line of text in one of the theme's tones, as antd's `Typography.Text` colours it (the same tokens, set on the
 * desk's surface: `DeskSurface` in app/App.tsx). The first screen's text uses this instead of antd's Typography,
 * which brings its copy, ellipsis and inline editor (with a TextArea) along: about 24 KiB before the first paint.
 */
export function Text({ type, strong, className, ...span }: TextProps): React.JSX.Element {
  const classes = ['desk-text', type && `desk-text-${type}`, strong && 'desk-text-strong', className].filter(Boolean).join(' ');
  return <span className={classes} {...span} />;
}
