/** Simplified Chinese for the caller card: the source of truth for this namespace's keys. */
export const callerZhCN = {
  title: '来电信息',
  empty: '接听来电后，这里显示来电号码与历史工单',
  number: '来电号码',
  name: '名称',
  direction: { inbound: '呼入', outbound: '呼出' },
  history: '来电历史与工单将在连接中心后显示',
  lastCall: '上一通电话',
};
