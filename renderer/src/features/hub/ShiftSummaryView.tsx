import { Alert, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { RefusedEntries } from './RefusedEntries';
import { UnfinishedTickets } from './UnfinishedTickets';
import { useTranslation } from 'react-i18next';
import type { ShiftSummary } from '../../../../shared/shift-summary';
import { formatCallDuration } from '../../../../shared/phone/call-state';
import { deskErrorText } from '../../i18n/error-text';
import { useShiftSummary } from './use-shift-summary';
import './shift-summary.css';
import { shiftSlotKeys } from '../../i18n/common/keys';

type Tone = 'warning' | 'danger' | undefined;

/** One figure of the summary: its label, the number (also in `data-value` for tests and tools) and a note. */
function Figure({ id, label, value, note, tone }: { id: string; label: string; value: string | number; note?: string; tone?: Tone }): React.JSX.Element {
  return (
    <div className="shift-summary-figure">
      <dt>{label}</dt>
      <dd data-testid={`shift-summary-${id}`} data-value={value}>
        <Typography.Text strong type={tone}>
          {value}
        </Typography.Text>
        {note && <span className="shift-summary-note">{note}</span>}
      </dd>
    </div>
  );
}

/**
 * 班次小结: the outgoing operator's calls, tickets and what is left for the
 * next shift (unsent entries, refused ones, drafts, replies to call back).
 */
export function ShiftSummaryView({ summary }: { summary: ShiftSummary }): React.JSX.Element {
  const { t } = useTranslation();
  const { calls, tickets, outbox } = summary;
  const time = (iso: string): string => dayjs(iso).format('MM-DD HH:mm');
  return (
    <section className="shift-summary" aria-label={t('hub:shiftSummary.title')} data-testid="shift-summary">
      <Typography.Text type="secondary" className="shift-summary-window" data-testid="shift-summary-window">
        {/* The team's name is the centre's own (甲班), in Chinese whatever the UI's language. */}
        <span lang="zh-CN">{summary.team}</span>{' '}
        {t('hub:shiftSummary.window', {
          slot: t(shiftSlotKeys[summary.slot]),
          from: time(summary.from),
          to: time(summary.to),
          since: t(summary.sinceSignIn ? 'hub:shiftSummary.sinceSignIn' : 'hub:shiftSummary.sinceShiftStart'),
        })}
      </Typography.Text>
      <h4 className="shift-summary-group">{t('hub:shiftSummary.calls')}</h4>
      <dl className="shift-summary-grid">
        <Figure id="handled" label={t('hub:shiftSummary.handled')} value={calls.handled} note={t('hub:shiftSummary.directions', { inbound: calls.inbound, outbound: calls.outbound })} />
        <Figure id="missed" label={t('hub:shiftSummary.missed')} value={calls.missed} />
        <Figure id="talk" label={t('hub:shiftSummary.talk')} value={formatCallDuration(calls.talkSeconds * 1000)} />
        <Figure id="average" label={t('hub:shiftSummary.average')} value={calls.averageTalkSeconds === null ? '—' : formatCallDuration(calls.averageTalkSeconds * 1000)} />
      </dl>
      <h4 className="shift-summary-group">{t('hub:shiftSummary.tickets')}</h4>
      <dl className="shift-summary-grid">
        <Figure id="registered" label={t('hub:shiftSummary.registered')} value={tickets.registered} />
        <Figure id="answered" label={t('hub:shiftSummary.answered')} value={tickets.answered} />
        <Figure id="transferred" label={t('hub:shiftSummary.transferred')} value={tickets.transferred} />
        <Figure id="callbacks" label={t('hub:shiftSummary.callbacks')} value={tickets.callbacks} />
      </dl>
      <h4 className="shift-summary-group">{t('hub:shiftSummary.left')}</h4>
      <dl className="shift-summary-grid">
        <Figure
          id="pending"
          label={t('hub:shiftSummary.pending')}
          value={outbox.pending}
          note={outbox.oldestPendingAt ? t('hub:shiftSummary.oldest', { time: dayjs(outbox.oldestPendingAt).format('HH:mm') }) : undefined}
          tone={outbox.pending > 0 ? 'warning' : undefined}
        />
        <Figure id="attention" label={t('hub:shiftSummary.needsAttention')} value={outbox.needsAttention} tone={outbox.needsAttention > 0 ? 'danger' : undefined} />
        <Figure id="drafts" label={t('hub:shiftSummary.drafts')} value={summary.openDrafts} tone={summary.openDrafts > 0 ? 'warning' : undefined} />
        <Figure id="callbacks-due" label={t('hub:shiftSummary.awaitingCallback')} value={summary.awaitingCallback} tone={summary.awaitingCallback > 0 ? 'warning' : undefined} />
        <Figure id="unfinished" label={t('hub:shiftSummary.unfinished')} value={summary.unfinishedCount} tone={summary.unfinishedCount > 0 ? 'warning' : undefined} />
      </dl>
      <RefusedEntries count={outbox.needsAttention} />
      <UnfinishedTickets tickets={summary.unfinished} total={summary.unfinishedCount} />
      {outbox.pending > 0 && <Typography.Paragraph type="secondary" className="shift-summary-hint">{t('hub:shiftSummary.pendingStays')}</Typography.Paragraph>}
    </section>
  );
}

/** The summary read afresh whenever `active` turns on, with its loading and failure states. */
export function ShiftSummaryPanel({ active }: { active: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const { summary, error } = useShiftSummary(active);
  if (error) return <Alert type="warning" showIcon title={t('hub:shiftSummary.failed', { reason: deskErrorText(t, error) })} data-testid="shift-summary-error" />;
  if (!summary) return <Spin description={t('hub:shiftSummary.loading')} />;
  return <ShiftSummaryView summary={summary} />;
}
