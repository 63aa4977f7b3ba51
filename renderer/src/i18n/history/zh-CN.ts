/** Simplified Chinese for caller history: the source of truth for this namespace's keys. */
export const historyZhCN = {
  empty: '暂无来电历史',
  numberPlaceholder: '来电号码（接听后自动填入）',
  recent: '近 30 天本机登记 {{count}} 件',
  repeat: '重复来电',
  confidential: '保密',
  hubSummary: '全中心近 30 天登记 {{count}} 件',
  hubSameMatter: '同一事项 {{count}} 件',
  localOnly: '未签入中心：只显示本机登记的工单，不含其他座席受理的来电',
  hubUnavailable: '暂时无法查询中心（{{reason}}）：只显示本机登记的工单，不含其他座席受理的来电',
  fromHub: '中心',
  thisDesk: '本机',
  masked: '来电人信息已隐去',
  reply: '{{department}}答复（{{solved}}）：',
  solved: '已解决',
  unsolved: '未解决',
  states: { registered: '已登记', answered: '直接答复', transferred: '已转办', accepted: '已签收', returned: '已退回', replied: '已答复', called_back: '已回访', closed: '已办结' },
};
