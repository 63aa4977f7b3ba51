import { DownOutlined, InfoCircleOutlined, QuestionCircleOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Segmented, Space, Tag } from 'antd';
import type { InputRef } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isFiltering } from '../../../../shared/board/groups';
import { formatDuration } from '../../../../shared/board/seat-view';
import type { AgentState } from '../../../../shared/phone/agent-state';
import { displayKeys, keysFor } from '../../shortcuts/actions';
import { LanguageToggle, ThemeToggle } from '../../core/ViewToggles';
import { useSettingsStore } from '../../stores/settings-store';
import { useTickingText } from './board-clock';
import { boardStore, useBoard } from './board-store';
import type { BoardActionId } from './board-shortcuts';
import { boardShortcutFor } from './board-shortcuts';
import { useBoardUi } from './board-ui';
import { StateChart } from './StateChart';
import { agentStateColors, boardStateOrder } from './state-colors';
import { agentStateKeys } from '../../i18n/common/keys';
import { Hint } from '../../core/Hint';

const isMac = navigator.userAgent.includes('Mac');

/** The first key of an action as printed on the keyboard, for labels and tooltips. */
function useKeyLabel(): (id: BoardActionId) => string {
  const overrides = useSettingsStore((s) => s.settings.shortcuts);
  return useCallback((id) => displayKeys(keysFor(boardShortcutFor(id), overrides)[0] ?? '', isMac), [overrides]);
}

function Stat({
  label,
  value,
  testId,
  tone,
  sub,
}: {
  label: string;
  value: React.ReactNode;
  testId: string;
  tone?: 'alarm' | undefined;
  sub?: string | undefined;
}): React.JSX.Element {
  return (
    <div className={`board-stat${tone === 'alarm' ? ' board-stat-alarm' : ''}`} data-testid={testId}>
      <div className="board-stat-label">{label}</div>
      <div className="board-stat-value">{value}</div>
      {/* The seat's operator and desk: the centre's data, in Chinese whatever the UI's language. */}
      {sub && (
        <div className="board-stat-sub" lang="zh-CN">
          {sub}
        </div>
      )}
    </div>
  );
}

function Totals(): React.JSX.Element {
  const { t } = useTranslation();
  const totals = useBoard((s) => s.totals);
  const longestCallName = useBoard((s) => (s.totals.longestCall ? s.seats.get(s.totals.longestCall.deskId)?.displayName : undefined));
  const longestWaitName = useBoard((s) => (s.totals.longestWait ? s.seats.get(s.totals.longestWait.deskId)?.displayName : undefined));
  const none = t('board:totals.none');
  return (
    <div className="board-stats" data-testid="board-totals">
      <Stat label={t('board:totals.seats')} value={totals.seats} testId="board-total-seats" />
      <Stat label={t('board:totals.signedIn')} value={totals.signedIn} testId="board-total-signed-in" />
      <Stat label={t('board:totals.onCall')} value={totals.onCall} testId="board-total-on-call" />
      <Stat label={t('board:totals.ready')} value={totals.available} testId="board-total-ready" />
      <Stat label={t('board:totals.afterCall')} value={totals.byState.after_call_work} testId="board-total-acw" />
      <Stat label={t('board:totals.break')} value={totals.byState.break} testId="board-total-break" />
      <Stat label={t('board:totals.alarmed')} value={totals.alarmedSeats} testId="board-total-alarmed" tone={totals.alarmedSeats > 0 ? 'alarm' : undefined} />
      <Stat
        label={t('board:totals.longestCall')}
        value={totals.longestCall ? formatDuration(totals.longestCall.seconds) : none}
        sub={totals.longestCall ? `${longestCallName ?? ''} ${totals.longestCall.deskId}` : undefined}
        testId="board-longest-call"
      />
      <Stat
        label={t('board:totals.longestWait')}
        value={totals.longestWait ? formatDuration(totals.longestWait.seconds) : none}
        sub={totals.longestWait ? `${longestWaitName ?? ''} ${totals.longestWait.deskId}` : undefined}
        testId="board-longest-wait"
      />
      <Stat label={t('board:totals.occupancy')} value={totals.occupancy === null ? none : `${Math.round(totals.occupancy * 100)}%`} testId="board-occupancy" />
    </div>
  );
}

function Rules(): React.JSX.Element {
  const { t } = useTranslation();
  const thresholds = useBoard((s) => s.thresholds);
  const reasons = Object.entries(thresholds.breakMinutesByReason)
    .map(([reason, minutes]) => t('board:ruleReason', { reason, minutes }))
    .join('');
  const text = t('board:rules', { longCall: thresholds.longCallMinutes, acw: thresholds.afterCallWorkMinutes, rest: thresholds.breakMinutes, reasons });
  return (
    <Hint title={text}>
      <InfoCircleOutlined className="board-rules" aria-label={text} data-testid="board-rules" />
    </Hint>
  );
}

function Toolbar(): React.JSX.Element {
  const { t } = useTranslation();
  const key = useKeyLabel();
  // The shortcut names are keys with a dot inside ('board.cycleState'); i18next finds them, its types call the result never.
  const cycleStateName: string = t('board:shortcuts.board.cycleState');
  const filter = useBoard((s) => s.filter);
  const shown = useBoard((s) => s.order.length);
  const total = useBoard((s) => s.seats.size);
  const search = useRef<InputRef>(null);
  const searchRequest = useBoardUi((s) => s.searchRequest);
  useEffect(() => {
    if (searchRequest > 0) search.current?.focus({ cursor: 'all' });
  }, [searchRequest]);
  const { setFilter, focusAlarm } = boardStore.getState();
  const stateOptions = [
    { value: 'all', label: t('board:filter.allStates') },
    ...boardStateOrder.map((state) => ({
      value: state,
      label: (
        <span className="board-state-option">
          <span className="seat-dot" style={{ '--state-color': agentStateColors[state] } as React.CSSProperties} aria-hidden />
          {t(agentStateKeys[state])}
        </span>
      ),
    })),
  ];
  return (
    <div className="board-toolbar">
      <Input.Search
        ref={search}
        className="board-search"
        size="small"
        allowClear
        placeholder={`${t('board:filter.search')}（${key('board.search')}）`}
        value={filter.query}
        onChange={(event) => {
          setFilter({ query: event.target.value });
        }}
        data-testid="board-search"
      />
      <Hint title={`${cycleStateName}（${key('board.cycleState')}）`}>
        <Segmented
          size="small"
          options={stateOptions}
          value={filter.state ?? 'all'}
          onChange={(value) => {
            setFilter({ state: value === 'all' ? null : (value as AgentState) });
          }}
          data-testid="board-state-filter"
        />
      </Hint>
      <Checkbox
        checked={filter.alarmOnly}
        onChange={(event) => {
          setFilter({ alarmOnly: event.target.checked });
        }}
        data-testid="board-alarm-only"
      >
        {t('board:filter.alarmOnly')}（{key('board.alarmOnly')}）
      </Checkbox>
      <Space.Compact size="small">
        <Hint title={`${t('board:filter.previous')}（${key('board.previousAlarm')}）`}>
          <Button icon={<UpOutlined />} aria-label={t('board:filter.previous')} onClick={() => focusAlarm(-1)} />
        </Hint>
        <Button icon={<DownOutlined />} onClick={() => focusAlarm(1)} data-testid="board-next-alarm">
          {t('board:filter.next')}（{key('board.nextAlarm')}）
        </Button>
      </Space.Compact>
      {isFiltering(filter) && (
        <Button
          size="small"
          type="link"
          onClick={() => {
            setFilter({ alarmOnly: false, state: null, query: '' });
          }}
        >
          {t('board:filter.clear')}（{key('board.clearFilters')}）
        </Button>
      )}
      <span className="board-showing" data-testid="board-showing">
        {t('board:totals.showing', { shown, total })}
      </span>
      <Rules />
    </div>
  );
}

/** Says when the live feed is (or last was) stale, so a quiet board is never mistaken for a calm centre. */
function FeedHealthTag(): React.JSX.Element | null {
  const { t } = useTranslation();
  const feed = useBoard((s) => s.feed);
  const time = (ms: number): string => dayjs(ms).format('HH:mm:ss');
  if (feed.staleSince !== null) {
    return (
      <Tag color="red" data-testid="board-feed-stale" role="status">
        {t('board:feed.stale', { since: time(feed.staleSince) })}
      </Tag>
    );
  }
  if (!feed.lastGap) return null;
  return (
    <Tag color="gold" data-testid="board-feed-gap">
      {t('board:feed.gap', { from: time(feed.lastGap.from), to: time(feed.lastGap.to), seconds: Math.max(0, Math.round((feed.lastGap.to - feed.lastGap.from) / 1000)) })}
    </Tag>
  );
}

/** Title, clock, totals, the chart of seats by state, and the filters, each with its key. */
export function BoardHeader({ simulated }: { simulated: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const key = useKeyLabel();
  const byState = useBoard((s) => s.totals.byState);
  const toggleHelp = useBoardUi((s) => s.helpToggled);
  const clockRef = useTickingText(useCallback((now: number) => dayjs(now).format('YYYY-MM-DD HH:mm:ss'), []));
  return (
    <header className="board-header" data-testid="board-header">
      <div className="board-title-row">
        <h1 className="board-title">{t('board:title')}</h1>
        {simulated && (
          <Hint title={t('board:simulatedHint')}>
            <Tag color="orange" data-testid="board-simulated">
              {t('board:simulated')}
            </Tag>
          </Hint>
        )}
        <FeedHealthTag />
        <span className="spacer" />
        <time className="clock" ref={clockRef} data-testid="board-clock" />
        <LanguageToggle keys={key('view.toggleLanguage')} format={(name, keys) => `${name}（${keys}）`} />
        <ThemeToggle keys={key('view.toggleTheme')} format={(name, keys) => `${name}（${keys}）`} />
        <Button
          size="small"
          type="text"
          icon={<QuestionCircleOutlined />}
          onClick={() => {
            toggleHelp();
          }}
        >
          {t('board:help.open')}
        </Button>
      </div>
      <div className="board-summary">
        <div className="board-summary-main">
          <Totals />
          <Toolbar />
        </div>
        <StateChart byState={byState} />
      </div>
    </header>
  );
}
