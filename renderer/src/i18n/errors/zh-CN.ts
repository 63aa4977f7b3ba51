/** Simplified Chinese for the wording of every error code (DeskErrorCode and the hub's codes): the source of truth for this namespace's keys. */
export const errorsZhCN = {
  INVALID_INPUT: '输入内容不符合要求',
  FORBIDDEN_SENDER: '调用来源未被信任',
  UNKNOWN_METHOD: '本地服务版本不匹配，请重启座席程序',
  UNSUPPORTED: '当前运行方式不支持此操作',
  TIMEOUT: '本地服务响应超时',
  DISCONNECTED: '本地服务未连接',
  STORAGE: '本地存储写入失败（磁盘已满或文件损坏）',
  NOT_FOUND: '未找到',
  CONFLICT: '数据已被修改，请刷新后重试',
  INTERNAL: '本地服务内部错误，已记录日志',
  HUB_UNAUTHENTICATED: '未登录中心服务器，或登录已失效',
  HUB_FORBIDDEN: '当前账号无权进行此操作',
  HUB_NOT_CONFIGURED: '尚未设置中心服务器地址',
  HUB_UNREACHABLE: '无法连接中心服务器',
  HUB_REFUSED: '中心服务器拒绝了此请求',
};
