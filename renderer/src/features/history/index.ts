/** The caller's history (历史工单) in the right pane: this desk's tickets merged with the hub's. */
export { HistoryPanel } from './HistoryPanel';
