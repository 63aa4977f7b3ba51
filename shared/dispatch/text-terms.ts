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
 * What a negated stretch (不是 A，而是 B: the A) still counts. Not nothing: the A often carries the topic
 * too (不是小区里的僵尸车，而是路边的), only its distinguishing words point at the neighbouring entry.
 */
export const NEGATED_WEIGHT = 0.3;

/**
 * Stretches the ticket says the matter is not: `不是A，而是B`, `并非A，是B`, `车不是停在小区里，而是…`.
 * Only when a `是 / 而是 / 属于` follows within a short distance, so `不是很清楚` or `是否` do not count.
 */
export function negatedSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/(?:并不是|不是|并非|而不是|不属于)([^。！？；;!?\n]{1,30}?)(?:而是|是(?!否)|属于)/gu)) {
    const negated = m[1] ?? '';
    const start = m.index + m[0].length - negated.length - (m[0].endsWith('而是') || m[0].endsWith('属于') ? 2 : 1);
    out.push({ start, end: start + negated.length });
  }
  return out;
}

/**
 * Clauses of a ticket with how much they count. An operator writes the main
 * request first; a clause introduced by 另外/顺带/此外 is a side remark and
 * must not decide the dispatch. A stretch the caller says the matter is not
 * (不是 A，而是 B) counts next to nothing. Sorted by start: the weight at a
 * position is the one of the last piece starting at or before it.
 */
export function weightedClauses(text: string): { text: string; start: number; weight: number }[] {
  const out: { text: string; start: number; weight: number }[] = [];
  const re = /[^。！？；;!?\n]+[。！？；;!?\n]?/gu;
  const negated = negatedSpans(text);
  let side = false;
  for (const m of text.matchAll(re)) {
    const clause = m[0];
    if (/^(另外|此外|顺带|顺便|还顺带|另|同时还)|另外|顺带|顺便提到|还提到/u.test(clause)) side = true;
    else if (/重点|主要/u.test(clause)) side = false;
    const weight = side ? 0.3 : 1;
    const end = m.index + clause.length;
    let at = m.index;
    for (const span of negated) {
      if (span.start < m.index || span.start >= end) continue;
      if (span.start > at) out.push({ text: text.slice(at, span.start), start: at, weight });
      out.push({ text: text.slice(span.start, span.end), start: span.start, weight: NEGATED_WEIGHT });
      at = span.end;
    }
    if (at < end) out.push({ text: text.slice(at, end), start: at, weight });
  }
  return out;
}

/** The text without the stretches it says the matter is not, for whole-ticket cues (village, estate). */
export function withoutNegated(text: string): string {
  let out = '';
  let at = 0;
  for (const span of negatedSpans(text)) {
    out += text.slice(at, span.start);
    at = span.end;
  }
  return out + text.slice(at);
}

/** Full-width letters and digits to ASCII and letters to lower case, so `App`, `APP` and `ＡＰＰ` meet. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The Han characters of a text, in order (Han characters are single code points, so no grapheme logic). */
export function hanCharacters(text: string): string[] {
  return Array.from(text.matchAll(/\p{Script=Han}/gu), (m) => m[0]);
}
