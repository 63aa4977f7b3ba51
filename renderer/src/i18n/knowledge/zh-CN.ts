/** Simplified Chinese for the knowledge base pane: the source of truth for this namespace's keys. */
export const knowledgeZhCN = {
  suggested: '根据工单内容推荐',
  feedback: { helpful: '有用', outdated: '已过时', wrong: '有误', thanks: '已记录，将反馈给知识库编辑' },
  expired: '已失效',
  phrasing: '问法：{{phrasing}}',
  learned: '坐席常用',
  updated: '更新于 {{date}}',
  linked: '已引用：',
  noHits: '没有找到相关知识，换个说法试试',
  weak: {
    title: '没有很匹配的知识条目',
    detail: '下面的条目只对上了查询中的少数词语，可能答非所问。',
    widen: '扩大检索（Shift+回车）',
    widened: '已扩大检索：不限区县，显示更多条目',
    registerNew: '作为新诉求登记（Alt+回车）',
  },
  copied: '已将《{{title}}》的答复口径引用到工单',
  nothingToCopy: '请先在知识库中选中一篇',
  searchPlaceholder: '输入关键词检索知识库（F3；↑↓ 选择，回车展开，Alt+I 引用到工单）',
  empty: '输入两三个关键词即可检索', detach: '移至第二屏', detachUnsupported: '浏览器版不支持移至第二屏',
};
