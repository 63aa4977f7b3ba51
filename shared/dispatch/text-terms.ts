/** Word-level helpers shared by the duty index and the ticket side; segmentation itself is injected. */

/** Splits Chinese text into words; the desk uses jieba, tests may pass anything deterministic. */
export type Segmenter = (text: string) => string[];

const HAN = /\p{Script=Han}/u;

/** Words that carry no matter: they appear in most tickets or most entries alike. */
export const STOP_TERMS: ReadonlySet<string> = new Set([
  '问题', '管理', '服务', '相关', '情况', '部门', '单位', '其他', '处理', '要求', '反映', '来电', '来电人', '核实',
  '回复', '希望', '表示', '解决', '尽快', '及时', '多次', '一直', '已经', '没有', '不能', '进行', '工作', '人员',
  '是否', '如何', '什么', '怎么', '为什么', '可以', '需要', '现在', '目前', '今天', '昨天', '每天', '晚上',
  '附近', '周边', '某路', '某小区', '小区', '居民', '群众', '市民', '业主', '住户', '家中', '家里', '其家',
  '地点', '位置', '时间', '导致', '影响', '存在', '造成', '发现', '出现', '不到', '不了', '一个', '几个', '有人',
  '以上', '以下', '负责', '依法', '依规', '查处', '督促', '协调', '整改', '办理', '询问', '咨询', '投诉', '举报',
  '建议', '表扬', '求助', '政府', '街道', '社区', '乡镇', '区县', '市区', '城区', '县城', '本市', '全市',
]);

/** Whether a segment is worth matching on its own: at least two characters with a Han character, not a stop word. */
export function isContentTerm(term: string): boolean {
  return term.length >= 2 && HAN.test(term) && !STOP_TERMS.has(term);
}

/** Phrases of a wording such as a duty's matter: split on punctuation and joiners. */
export function phrasesOf(text: string): string[] {
  return text
    .split(/[\s，,。；;：:、（）()“”"'‘’！？!?/及和与或等]+/u)
    .map((p) => p.trim())
    .filter((p) => p.length >= 2);
}

/**
 * Clauses of a ticket with how much they count. An operator writes the main
 * request first; a clause introduced by 另外/顺带/此外 is a side remark and
 * must not decide the dispatch.
 */
export function weightedClauses(text: string): { text: string; start: number; weight: number }[] {
  const out: { text: string; start: number; weight: number }[] = [];
  const re = /[^。！？；;!?\n]+[。！？；;!?\n]?/gu;
  let side = false;
  for (const m of text.matchAll(re)) {
    const clause = m[0];
    if (/^(另外|此外|顺带|顺便|还顺带|另|同时还)|另外|顺带|顺便提到|还提到/u.test(clause)) side = true;
    else if (/重点|主要/u.test(clause)) side = false;
    out.push({ text: clause, start: m.index, weight: side ? 0.3 : 1 });
  }
  return out;
}

/** Full-width letters and digits to ASCII and letters to lower case, so `App`, `APP` and `ＡＰＰ` meet. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The Han characters of a text, in order (Han characters are single code points, so no grapheme logic). */
export function hanCharacters(text: string): string[] {
  return Array.from(text.matchAll(/\p{Script=Han}/gu), (m) => m[0]);
}
