interface PanelProps extends Omit<React.HTMLAttributes<HTMLElement>, 'title'> {
  title: React.ReactNode;
  /** Beside the title, at the header's far end (antd Card's `extra`). */
  extra?: React.ReactNode;
  children: React.ReactNode;
  'data-testid'?: string;
}

/**
 * The left pane's boxes (the caller, the ticket), drawn as antd's small Card is drawn. Not antd's Card itself: it
 * imports antd's Tabs for a tab list these boxes never show, and with them the tab bar's overflow menu (rc-tabs,
 * rc-menu, a dropdown: about 60 KiB) came into the first screen. Colours and sizes are the theme's (app/theme.ts's
 * `themeVariables`, styles.css).
 */
export function Panel({ title, extra, children, className, ...section }: PanelProps): React.JSX.Element {
  return (
    <section className={className ? `panel ${className}` : 'panel'} {...section}>
      <header className="panel-head">
        <div className="panel-title">{title}</div>
        {extra !== undefined && <div className="panel-extra">{extra}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
