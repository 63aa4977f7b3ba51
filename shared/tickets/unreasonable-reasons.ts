/**
 * The centre's standard reasons for flagging a request as unreasonable or
 * non-compliant (不合理不合规诉求). The operator may not refuse such a request
 * on the phone: the flag with one of these reasons sends the ticket to the
 * confirmation workflow instead of a department.
 */
export const unreasonableReasons = [
  '诉求缺乏法律政策依据',
  '诉求超出合理范围（过高要求）',
  '已依法依规处理且无新情况、新理由',
  '已进入诉讼、仲裁、行政复议等法定途径',
  '涉及党政军等国家秘密事项',
  '重复无理诉求或恶意诉求',
  '侮辱谩骂、恶意骚扰热线',
  '要求干预司法或纪检监察案件办理',
  '私人之间的民事纠纷，不属政府职责',
  '其他（须在说明中注明）',
] as const;
export type UnreasonableReason = (typeof unreasonableReasons)[number];
