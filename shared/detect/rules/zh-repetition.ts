/**
 * zh.repetition — stutters in unspaced Chinese: 我我 → 我, 一个一个一个 → 一个, 的的的的 → 的,
 * 越越来越来越 → 越来越, 鲁鲁棒性 → 鲁棒性, 构构构建 → 构建, 一一个一个 → 一个.
 *
 * Algorithm. The segment is viewed as its Han characters with the strong fillers 呃/嗯 made transparent
 * (so 一个呃一个 is a repeat; zh.filler removes the 呃 itself). Left to right, at each position we look for a
 * unit of 4, 3, 2 then 1 characters immediately followed by an identical copy. A copy judged a stutter is
 * deleted (the first copy, so the last one survives) and the scan moves past it; a legitimate repetition is
 * skipped whole. Passes repeat until nothing changes (at most four), which untangles nested stutters such as
 * 越越来越来越. Deleted characters adjacent in raw become one flag whose confidence is the lowest of them.
 *
 * Judging a single-character repeat AA uses ICU word segmentation of the view's clause (once per pass, shared; a lexicon-like
 * dictionary available everywhere), a built-in list of reduplicated words and, when passed, the CEDICT lexicon:
 * AA inside one word (看看, 常常, 谢谢) or 一AA (一个个), or AABB with AB a word (方方面面), is legitimate;
 * A ending a word and A starting the next (个人|人工) is legitimate; a lone A before a word starting with A
 * (人|人工智能, 每|每天, 其|其实) or two lone As (的|的, 我|我; unless the lexicon lists AA, as 南南, and A is no
 * function word) is a stutter; a word ending in A followed by a lone A
 * (目的|的) is legitimate for particles and a stutter otherwise (验证|证), and a bound suffix ending one word and
 * starting the next (工程院|院士, 商务部|部长) is legitimate. Multi-character units are stutters
 * unless they are emphatic (非常非常), ABAB verb reduplication (研究研究) or 一X一X (一步一步).
 */
import type { DetectContext, Proposal, Rule } from '../rule';
import { isHan, isZhWord, segmentWords, wordAt, wordsNear, zhLexicon } from '../text-utils';
import { isReduplication } from '../zh-reduplication';

const TRANSPARENT = new Set(['呃', '嗯', '啊']);
const NOT_UNIT = /[呃嗯额唔啊哦噢哈诶欸]/;
/** Free particles that may follow a word ending in the same character (目的的, 就是是否). */
const PARTICLES = new Set([...'的了是在和也有就都还又不要会能说得地着过来我你他她它这那']);
/** Bound suffixes of organisations, places and dates that often begin the next word (院士, 局长, 年底). */
const SUFFIXES = new Set([...'院局部司处所厅会省市县区校系组队站馆社村团室年月日届期班级界']);
const EMPHATIC = new Set(['非常', '很多', '更多', '更加', '特别', '真的', '许多', '好多', '一点', '慢慢', '好好', '十分', '真是', '谢谢']);
const ABAB_VERBS = new Set([
  '研究', '讨论', '考虑', '学习', '休息', '商量', '了解', '介绍', '锻炼', '活动', '收拾', '准备', '练习', '体验',
  '感受', '思考', '比较', '整理', '检查', '认识', '熟悉', '放松', '交流', '沟通', '分析', '打听', '琢磨', '看看',
]);
/** Lexicon rank under which a single character is a common word (叫 124, 讲 575; 琳 9,603). */
const COMMON_SINGLE_RANK = 2000;
/** Second characters of 一X that do not make a 一X一X "one by one" phrase, so 一X一X is a stutter. */
const NOT_ONE_BY_ONE = new Set([...'个些直起般共']);
const QUICK = /([\u3400-\u9fff])(?:[呃嗯]*)\1|([\u3400-\u9fff]{2,4})[呃嗯]*\2/;
const MAX_UNIT = 4;

interface Verdict {
  stutter: boolean;
  confidence: number;
  /** For a legitimate repeat: how many characters to skip (default: both copies). */
  skip?: number;
}

const LEGIT: Verdict = { stutter: false, confidence: 0 };

/** Judges a repeated single character at view position i (view[i] === view[i + 1]). */
function judgeChar(view: string, i: number, ctx: DetectContext): Verdict {
  const a = view[i]!;
  const pair = a + a;
  const b = view[i + 2];
  if (b !== undefined && b !== a && view[i + 3] === b && isHan(b)) {
    const ab = a + b;
    if (segmentWords(ab).length === 1 || zhLexicon(ctx)?.has(ab)) return { ...LEGIT, skip: 4 };
  }
  if (view[i - 1] === '一' && a !== '一') return LEGIT;
  const words = wordsNear(ctx, view, i);
  const first = wordAt(words, i);
  const second = wordAt(words, i + 1);
  if (!first || !second) return LEGIT;
  if (first === second) {
    // ICU keeps AA as one word: 看看, 人人都; but its dictionary also joins stutters (叫叫), which the lexicon
    // (CEDICT and jieba's words, when loaded) does not list. Only a common word repeated counts: a rarer
    // character doubled is more often a name (卡琳琳, 娜娜) than a stutter.
    const lexicon = zhLexicon(ctx);
    if (!lexicon?.rank || first.text !== pair || lexicon.has(pair) || isReduplication(pair)) return LEGIT;
    return (lexicon.rank(a) ?? Infinity) < COMMON_SINGLE_RANK ? { stutter: true, confidence: 0.88 } : LEGIT;
  }
  const firstLone = first.text.length === 1;
  const secondLone = second.text.length === 1;
  if (!firstLone && !secondLone) return LEGIT; // 个人|人工
  if (firstLone && !secondLone) {
    // 工程院|院士, 商务部|部长, 2022 年|年底: a bound suffix ends one word, the next word starts with it
    return SUFFIXES.has(a) ? LEGIT : { stutter: true, confidence: 0.92 };
  }
  if (isReduplication(pair)) return LEGIT;
  if (firstLone && secondLone) {
    if (SUFFIXES.has(a) && isZhWord(a + (view[i + 2] ?? ''), ctx)) return LEGIT; // 军控司|司|长
    return zhLexicon(ctx)?.has(pair) && !PARTICLES.has(a) ? LEGIT : { stutter: true, confidence: 0.9 };
  }
  return PARTICLES.has(a) ? LEGIT : { stutter: true, confidence: 0.85 };
}

/** Judges a repeated unit of two or more characters. */
function judgeUnit(view: string, i: number, unit: string): Verdict {
  const copies = view.startsWith(unit, i + 2 * unit.length) ? 3 : 2;
  if (copies === 2 && EMPHATIC.has(unit)) return { stutter: true, confidence: 0.5 };
  if (copies === 2 && ABAB_VERBS.has(unit)) return { stutter: true, confidence: 0.45 };
  // 一步一步, 一点一点 (one by one) are legitimate; 一些一些, 一直一直, 一起一起 never are
  if (unit.length === 2 && unit[0] === '一' && !NOT_ONE_BY_ONE.has(unit[1]!)) return LEGIT;
  if (unit === '一个' && view[i + 4] === '地') return LEGIT; // 一个一个地
  return { stutter: true, confidence: copies >= 3 ? 0.95 : 0.9 };
}

/** True when view[i, i+len) is followed by an identical copy (compared in place, no substrings). */
function repeatsAt(view: string, i: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (view.charCodeAt(i + k) !== view.charCodeAt(i + len + k)) return false;
  return true;
}

/** One left-to-right pass; returns true when something was deleted. */
function pass(view: string, offs: Int32Array, deleted: Map<number, number>, ctx: DetectContext): boolean {
  let changed = false;
  let i = 0;
  while (i < view.length) {
    let advanced = false;
    for (let len = MAX_UNIT; len >= 1; len--) {
      if (i + 2 * len > view.length || !repeatsAt(view, i, len)) continue;
      const unit = view.slice(i, i + len);
      if (NOT_UNIT.test(unit) || ![...unit].every(isHan)) continue;
      const verdict = len === 1 ? judgeChar(view, i, ctx) : judgeUnit(view, i, unit);
      if (!verdict.stutter) {
        i += verdict.skip ?? 2 * len;
        advanced = true;
        break;
      }
      for (let k = i; k < i + len; k++) deleted.set(offs[k]!, verdict.confidence);
      i += len;
      changed = true;
      advanced = true;
      break;
    }
    if (!advanced) i++;
  }
  return changed;
}

/** The view: raw characters minus transparent fillers and already-deleted ones, with their raw offsets. */
function buildView(raw: string, deleted: Map<number, number>): { view: string; offs: Int32Array } {
  const offs = new Int32Array(raw.length);
  let n = 0;
  let view = '';
  let from = 0;
  for (let k = 0; k < raw.length; k++) {
    if (!TRANSPARENT.has(raw[k]!) && !deleted.has(k)) {
      offs[n++] = k;
      continue;
    }
    if (k > from) view += raw.slice(from, k);
    from = k + 1;
  }
  if (raw.length > from) view += from === 0 ? raw : raw.slice(from);
  return { view, offs: offs.subarray(0, n) };
}

export const zhRepetition: Rule = {
  id: 'zh.repetition',
  title: 'Chinese stutters and repeated words (我我, 一个一个)',
  languages: ['zh', 'mixed'],
  defaultLevel: 'standard',
  examples: [
    { in: '我我站在旁边。', out: '我站在旁边。' },
    { in: '这是一个一个一个问题。', out: '这是一个问题。' },
    { in: '安全的的的的系统。', out: '安全的系统。' },
    { in: '我们越越来越来越认识到。', out: '我们越来越认识到。' },
    { in: '模型的鲁鲁棒性很好。', out: '模型的鲁棒性很好。' },
    { in: '我们要构构构建体系。', out: '我们要构建体系。' },
    { in: '你问他一一个呃一个问题。', out: '你问他呃一个问题。', note: 'a stutter across a filler (zh.filler takes the 呃)' },
    { in: '我们看看这个问题。', flags: [], note: 'keeps 看看' },
    { in: '我们来谈一谈。', flags: [], note: 'keeps 谈一谈' },
    { in: '他常常来，多多指教，谢谢大家。', flags: [], note: 'keeps 常常, 多多, 谢谢' },
    { in: '一个个问题都解决了。', flags: [], note: 'keeps 一个个' },
    { in: '天上的星星。', flags: [], note: 'keeps 星星' },
    { in: '是啊，这个问题很重要。', flags: [], note: 'keeps 是啊 and 这个问题 (nothing repeats)' },
    { in: '发展的方方面面。', flags: [], note: 'keeps AABB 方方面面' },
    { in: '个人人工智能助手。', flags: [], note: '个人|人工: each 人 belongs to a word' },
    { in: '各各个方面。', out: '各个方面。', note: '各各个 is a stutter' },
    { in: '跟咱们一些一些专家交流。', out: '跟咱们一些专家交流。', note: '一些一些 is a stutter (一步一步 is not)' },
    { in: '我们一步一步来。', flags: [], note: 'keeps 一X一X: one by one' },
    { in: '这就是所谓叫叫pacing problem。', out: '这就是所谓叫pacing problem。', resources: { zhLexicon: true }, note: 'ICU reads 叫叫 as one word; the lexicon does not list it' },
    { in: '我们说说这个问题，聊聊天。', flags: [], resources: { zhLexicon: true }, note: 'keeps tentative verbs ICU joins (说说, 聊聊)' },
    { in: '所以卡琳琳他是用了六种算法。', flags: [], resources: { zhLexicon: true }, note: 'a rare character doubled is a name more often than a stutter' },
  ],
  detect(segment, ctx) {
    const raw = segment.raw;
    if (!QUICK.test(raw)) return [];
    const deleted = new Map<number, number>();
    for (let round = 0; round < 4; round++) {
      const { view, offs } = buildView(raw, deleted);
      if (!pass(view, offs, deleted, ctx)) break;
    }
    return toProposals(raw, deleted);
  },
};

/** Groups deleted offsets that are adjacent in raw into proposals. */
function toProposals(raw: string, deleted: Map<number, number>): Proposal[] {
  const keys = [...deleted.keys()].sort((a, b) => a - b);
  const out: Proposal[] = [];
  let k = 0;
  while (k < keys.length) {
    const start = keys[k]!;
    let end = start + 1;
    let confidence = deleted.get(start)!;
    k++;
    while (k < keys.length && keys[k] === end) {
      confidence = Math.min(confidence, deleted.get(end)!);
      end++;
      k++;
    }
    const text = raw.slice(start, end);
    out.push({ start, end, kind: 'repetition', suggestion: '', confidence, reason: `"${text}" repeats the words that follow (a stutter)` });
  }
  return out;
}
