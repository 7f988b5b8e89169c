/**
 * Speaker naming and roles. A turn's speaker comes, in order of trust, from a speaker label or user marker,
 * the speaker's own introduction (`我是郭益可` / `my name is …`), or the host's hand-over just before it: the
 * last person named with a title or after 有请/请/欢迎 (`…下面我们掌声有请姚先生`). A surname-only mention
 * (姚先生) resolves to the full name the introduction used for that surname (姚继志院士 → 姚继志; the most
 * frequent spelling wins, ties to the first). Han names are cut at a surname (a small table of common
 * surnames) so `副院长梁正教授` gives 梁正. With a glossary (or a guest list in the document header, like
 * 004's), a name is replaced by the entry it matches: exactly, by the pinyin matcher, or by surname plus a
 * shared character (姚继志 → 姚期智). Affiliation: the clause before the name in its sentence, or after
 * `Name是`, when it holds an organisation word (大学, 研究院, 出版社, University…); else the entry's note.
 * Roles: the opening turn, turns that start with the host's thanks and short turns ending in a hand-over are
 * `host`; a guest is `video` when the hand-over mentions 视频/播放/录制/数字分身, `launch` for a report, book or
 * white paper being presented (发布, 白皮书, 对报告进行介绍), `remarks` for 致辞, `panel` inside a round table
 * (from the host's 圆桌/讨论环节 until 讨论就到此结束; a hand-over to a 演讲 inside it is still a keynote), else
 * `keynote`. A video is named only from the last lines of its hand-over (a promotional film has no speaker).
 */
import { glossaryForms, type Glossary, type GlossaryEntry } from '../glossary/glossary';
import { readPinyin, splitSyllable } from '../glossary/pinyin-key';
import { ZhMatcher } from '../glossary/zh-matcher';
import type { SectionRole } from './types';

// Common surnames, without those that are everyday function characters (有, 和, 于, 方, 向…), so cutting a
// name off `有请姚先生` or `副院长梁正教授` does not swallow a verb.
const SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱尹薛闫雷侯陶黎贺顾毛郝龚邵钱覃戴莫孔汤乔柳穆倪葛庞殷饶牛俞邢翟施岳洪蓝焦鲁颜葛裴詹鲍凌章蒲褚'])
const TITLES = '副?院士|教授|先生|女士|博士|老师|副?校长|副?院长|社长|副?主任|秘书长|部长|总裁|董事长|主席|研究员|理事长|主编|所长|书记|医生';
const TITLE_G = new RegExp(`(${TITLES})`, 'gu');
const TITLE_END = new RegExp(`(?:${TITLES})$`, 'u');
const HAN = /\p{Script=Han}/u;
const LATIN_TITLED = /\b(?:Mr|Ms|Mrs|Dr|Prof|Professor)\b[.。]?\s*([A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?|\p{Script=Han}{2,4}(?![\p{Script=Han}]))/gu;
const LATIN_AFTER_ROLE = /(?:董事|研究员|讲师|教授|专家|主任|嘉宾是)\s*([A-Za-z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?)/gu;
const LATIN_BEFORE_TITLE = /\b([A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){0,2})\s*(?:博士|教授|先生|女士|老师)/gu;
const LATIN_AFTER_HANDOVER = /(?:有请|请|交给|抛给|听听|欢迎)\s*([A-Za-z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?)/gu;
const SELF_INTRO = /(?:我是|我叫|我的名字是)([^。，,；;]{1,40}?)(?=[，,。；;]|$)/u;
const LATIN_NAME_END = /([A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?)\s*$/u;
const HANDED_TO = new RegExp(`(?:有请|请出|请上|欢迎|请到|交给|请教|问问|想请)(?:[^。，]{0,12}的)?(\\p{Script=Han}{1,4}?)(?:${TITLES})`, 'gu');
const ORG = /(?:大学|学院|研究院|研究所|研究中心|实验室|中心|公司|集团|基金会|组织|出版社|委员会|协会|学会|科学院|工程院|政府|University|Institute|Lab|Center|Centre|Foundation|Forum|Council)/u;

/** A person mentioned in some text: `full` is a full name when known; `surname` for 姚先生-style mentions. */
export interface Mention {
  name: string;
  full: boolean;
  at: number;
  /** The title it was said with (院长 of 刘院长), for Han mentions. */
  title?: string;
}

/** Names mentioned with a title or a Latin honorific, in text order. */
export function mentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(TITLE_G)) {
    const before = [...text.slice(Math.max(0, m.index - 12), m.index)];
    const han: string[] = [];
    for (let k = before.length - 1; k >= 0 && (HAN.test(before[k]!) || before[k] === '·') && han.length < 9; k--) han.unshift(before[k]!);
    let name = dotted(han) ?? cutAtSurname(han.filter((c) => c !== '·').slice(-4));
    // 感谢郭院长 / 谢谢高教授: the 谢 of thanks is not a surname
    if (name && name.startsWith('谢') && /[感谢]$/u.test(text.slice(0, m.index - name.length))) name = name.slice(1) || null;
    if (name) out.push({ name, full: [...name].length > 1, at: m.index - name.length, title: m[1]! });
  }
  for (const re of [LATIN_TITLED, LATIN_BEFORE_TITLE, LATIN_AFTER_HANDOVER, LATIN_AFTER_ROLE]) {
    for (const m of text.matchAll(re)) {
      const name = m[1]!;
      out.push({ name, full: name.includes(' ') || (HAN.test(name) && [...name].length > 1), at: m.index });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** A transliterated name written with a middle dot (克里斯·梅塞罗尔): up to three characters before the dot. */
function dotted(han: readonly string[]): string | null {
  const dot = han.lastIndexOf('·');
  if (dot <= 0 || dot === han.length - 1) return null;
  return han.slice(Math.max(0, dot - 3), dot).join('') + han.slice(dot).join('');
}

function cutAtSurname(han: string[]): string | null {
  const n = han.length;
  if (n >= 3 && SURNAMES.has(han[n - 3]!)) return han.slice(n - 3).join('');
  if (n >= 2 && SURNAMES.has(han[n - 2]!)) return han.slice(n - 2).join('');
  if (n >= 1 && SURNAMES.has(han[n - 1]!)) return han[n - 1]!;
  // a transliterated foreign name (马尔瓦拉先生)
  if (n >= 4 && SURNAMES.has(han[n - 4]!)) return han.slice(n - 4).join('');
  return null;
}

/** The speaker's own introduction in the first words of a turn, if any. */
export function selfIntroduction(text: string): string | null {
  const m = SELF_INTRO.exec(text.slice(0, 240));
  if (!m) return null;
  const clause = m[1]!.trim();
  const latin = LATIN_NAME_END.exec(clause);
  if (latin) return latin[1]!;
  // 我是安远AI高级项目经理吴君怡 / 我是来自清华大学的薛岚: the name ends the clause, cut at its surname
  const chars = [...clause];
  const han: string[] = [];
  for (let k = chars.length - 1; k >= 0 && HAN.test(chars[k]!) && han.length < 4; k--) han.unshift(chars[k]!);
  const name = cutAtSurname(han);
  return name && [...name].length >= 2 && [...name].length <= 3 ? name : null;
}

/**
 * The full names mentioned so far, counted and bucketed so that resolving a mention costs the size of its
 * bucket, not of the session (a 15 MB input mentions tens of thousands of names). Han full names are bucketed
 * by their first character and, for ·-names, by the last character of each part; Latin names by the first two
 * letters of each word.
 */
export class MentionPool {
  private readonly buckets = new Map<string, Map<string, number>>();

  add(m: Mention): void {
    if (!m.full) return;
    const keys = HAN.test(m.name) ? hanKeys(m.name) : m.name.includes(' ') ? m.name.toLowerCase().split(' ').map((w) => `l:${w.slice(0, 2)}`) : [];
    for (const key of new Set(keys)) {
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = new Map<string, number>()));
      bucket.set(m.name, (bucket.get(m.name) ?? 0) + 1);
    }
  }

  addAll(list: readonly Mention[]): this {
    for (const m of list) this.add(m);
    return this;
  }

  /**
   * Resolves a surname-only (姚先生) or shortened (高奇 of 高奇琦) mention to the most frequent longer name that
   * starts with it; a part of a ·-name (梅塞罗尔 of 克里斯·梅塞罗尔) to that name; a short Latin mention (Ca of
   * `dcan Caback`) to a longer Latin name one of whose words starts with it. Ties go to the first seen.
   */
  resolve(mention: string): string {
    const han = HAN.test(mention);
    if (!han && mention.includes(' ')) return mention;
    const bucket = this.buckets.get(han ? `h:${[...mention][0]}` : `l:${mention.slice(0, 2).toLowerCase()}`);
    const tail = this.buckets.get(`t:${[...mention].pop()}`);
    let best = mention;
    let bestCount = 0;
    const consider = (name: string, count: number) => {
      if (name.length <= mention.length || count <= bestCount) return;
      let fits: boolean;
      if (han) fits = ([...mention].length <= 2 && name.startsWith(mention)) || (name.includes('·') && name.split('·').some((p) => p.endsWith(mention)));
      else fits = name.toLowerCase().split(' ').some((w) => w.startsWith(mention.toLowerCase()) && w.length > mention.length);
      if (fits) [best, bestCount] = [name, count];
    };
    for (const [name, count] of bucket ?? []) consider(name, count);
    if (han) for (const [name, count] of tail ?? []) consider(name, count);
    return best;
  }
}

function hanKeys(name: string): string[] {
  const keys = [`h:${[...name][0]}`];
  if (name.includes('·')) for (const part of name.split('·')) if (part) keys.push(`t:${[...part].pop()}`);
  return keys;
}

/** `MentionPool.resolve` over a list of mentions (see there). */
export function resolveSurname(mention: string, pool: readonly Mention[]): string {
  return new MentionPool().addAll(pool).resolve(mention);
}

/** The hand-over's person: the last full name near the end of the host's words, else the last mention. */
export function handoverName(intro: string, pool: MentionPool): string | null {
  // a person being thanked (特别感谢姚先生…) is the previous speaker, not the next one
  // …and 尊敬的薛老师 is someone addressed, not introduced
  const found = mentions(intro).filter((m) => !/(?:感谢|谢谢|尊敬的)[^。，]{0,4}$/u.test(intro.slice(Math.max(0, m.at - 8), m.at)));
  // 让我们热烈欢迎瑞敏河医生 / 接下来想请教王老师: the person right after the hand-over verb, whatever the
  // surname, is the one handed to, even when others are mentioned after them (包括昨天周主任也提出了…)
  const tail = intro.length - 200;
  let handed: Mention | null = null;
  for (const m of intro.matchAll(HANDED_TO)) {
    const name = m[1]!.replace(/^[啊呃嗯哦这那]+/u, '');
    const title = m[0].slice(m[0].lastIndexOf(m[1]!) + m[1]!.length);
    if (name === '') continue;
    const mention = { name, full: [...name].length >= 2, at: m.index + m[0].length - title.length - name.length, title };
    if (mention.full) found.push(mention);
    if (mention.at >= tail) handed = mention;
  }
  found.sort((a, b) => a.at - b.at);
  if (found.length === 0 && !handed) return null;
  const last = handed ?? found[found.length - 1]!;
  const local = new MentionPool().addAll(found).resolve(last.name);
  const resolved = local !== last.name ? local : pool.resolve(last.name);
  // a surname nobody in this part of the programme carries stays with its title (刘院长), not a bare 刘
  return [...resolved].length === 1 && last.title ? resolved + last.title.replace(/^副/u, '') : resolved;
}

/** Affiliation from the introduction around the name (see the file comment). */
export function affiliationFrom(intro: string, name: string): string | null {
  for (let at = intro.indexOf(name); at >= 0; at = intro.indexOf(name, at + 1)) {
    const found = affiliationAt(intro, name, at);
    if (found) return found;
  }
  return null;
}

function affiliationAt(intro: string, name: string, at: number): string | null {
  const sentenceStart = Math.max(intro.lastIndexOf('。', at) + 1, 0);
  const before = intro.slice(sentenceStart, at).split(/[，,、；;]/).pop() ?? '';
  const cleaned = before.replace(/^(?:.*?(?:有请|请出|请上|欢迎|邀请|交给|是|来自))/u, '').replace(/[呃啊嗯的]+$/u, '').trim();
  if (ORG.test(cleaned) && cleaned.length <= 40) return cleaned;
  const after = intro.slice(at + name.length, at + name.length + 120);
  const m = /^[^。]{0,6}?是([^，,、。]{2,40})/u.exec(after);
  if (m && ORG.test(m[1]!)) return m[1]!.replace(/^(?:来自|担任)/u, '').trim();
  return null;
}

/** Canonical names from a glossary or a header guest list; matches ASR spellings to their entries. */
export class NameBook {
  private readonly entries: GlossaryEntry[];
  private readonly matcher: ZhMatcher | null;

  constructor(glossary?: Glossary) {
    this.entries = glossary?.entries ?? [];
    this.matcher = this.entries.length > 0 ? new ZhMatcher(glossaryForms({ entries: this.entries })) : null;
  }

  /** The entry a spoken name stands for, or null. */
  lookup(name: string): GlossaryEntry | null {
    const lower = name.toLowerCase();
    for (const e of this.entries) {
      if (e.term === name || e.equivalent === name) return e;
      if (!HAN.test(name) && [e.term, e.equivalent].some((f) => f.toLowerCase().split(/[\s·.-]+/).includes(lower))) return e;
    }
    if (!HAN.test(name)) return null;
    // 梅塞罗尔 of 克里斯·梅塞罗尔
    const dottedHit = this.unique((e) => e.term.includes('·') && e.term.split('·').includes(name));
    if (dottedHit) return dottedHit;
    // 耀东 (or the misheard 邀东) for 杨耀东: a given name said alone, matching one guest by sound
    if ([...name].length === 2) {
      const key2 = readPinyin(name).key;
      const given = this.unique((e) => HAN.test(e.term) && [...e.term].length === 3 && e.kind !== 'term' && e.kind !== 'org' && readPinyin([...e.term].slice(1).join('')).key === key2);
      if (given) return given;
    }
    // 高老师 when one guest is surnamed 高
    const bare = name.replace(TITLE_END, '');
    if ([...bare].length === 1) return this.unique((e) => HAN.test(e.term) && [...e.term].length <= 3 && e.term.startsWith(bare) && (e.kind === undefined || e.kind === 'name'));
    if ([...name].length === 1) return this.unique((e) => HAN.test(e.term) && [...e.term].length <= 3 && e.term.startsWith(name) && (e.kind === undefined || e.kind === 'name'));
    const hit = this.matcher?.match(name).find((m) => m.start === 0 && m.end >= name.length - 1);
    if (hit) return hit.entry;
    // same surname, same length, and at least half of the other syllables sound alike (姚继志 → 姚期智)
    const key = readPinyin(name).key;
    if (key.length < 2) return null;
    const same = this.entries.filter((e) => {
      if (!HAN.test(e.term) || e.term[0] !== name[0]) return false;
      const other = readPinyin(e.term).key;
      if (other.length !== key.length) return false;
      let alike = 0;
      for (let i = 1; i < key.length; i++) if (key[i] === other[i]) alike++;
      return alike * 2 >= key.length - 1;
    });
    if (same.length === 1) return same[0]!;
    if (same.length > 1) return null;
    // the surname misheard, the given name exact in sound (谢兰 → 薛澜: xie/xue share their initial, lan = lan)
    const reading = readPinyin(name);
    const initial = splitSyllable(reading.syllables[0] ?? '')[0];
    if (!initial || key.length < 2) return null;
    return this.unique((e) => {
      if (!HAN.test(e.term) || e.kind === 'term' || e.kind === 'org') return false;
      const other = readPinyin(e.term);
      if (other.key.length !== key.length || other.key.slice(1) !== key.slice(1)) return false;
      return splitSyllable(other.syllables[0] ?? '')[0] === initial;
    });
  }

  private unique(test: (e: GlossaryEntry) => boolean): GlossaryEntry | null {
    let found: GlossaryEntry | null = null;
    for (const e of this.entries) {
      if (!test(e)) continue;
      if (found && found.term !== e.term) return null;
      found = e;
    }
    return found;
  }
}

/** Guest lists in a document header (`- **高文**：鹏城实验室主任`) as glossary entries of kind name. */
export function guestsFromMetadata(metadata: Readonly<Record<string, string>>): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  for (const [key, value] of Object.entries(metadata)) {
    for (const m of value.matchAll(/^\s*[-*+]\s+\*\*([^*\n]{1,40})\*\*\s*[：:]\s*(.+)$/gmu)) {
      out.push({ term: m[1]!.trim(), equivalent: '', note: m[2]!.trim(), source: `header:${key}`, line: 0, kind: 'name' });
    }
  }
  return out;
}

/** The role of a guest turn from the host's words just before it (the hand-over; see the file comment). */
export function guestRole(intro: string, panel: boolean): SectionRole {
  const sentences = intro.split(/(?<=[。！？!?])/u).filter((x) => x.trim() !== '');
  const handover = sentences.slice(-2).join('').slice(-160);
  const tail = intro.slice(-250);
  if (VIDEO.test(handover)) return 'video';
  if (/演讲|主旨|发言|\btalk\b/iu.test(handover)) return panel && !/演讲|主旨/u.test(handover) ? 'panel' : 'keynote';
  if (LAUNCH.test(handover)) return 'launch';
  if (/致辞/u.test(handover)) return 'remarks';
  if (panel) return 'panel';
  if (VIDEO.test(tail)) return 'video';
  if (LAUNCH.test(tail)) return 'launch';
  return 'keynote';
}

const VIDEO = /视频|播放|录制|数字分身|\bvideo\b/iu;
const LAUNCH = /进行发布|发布和介绍|来发布|新书|白皮书|本书|对报告|报告(?:进行|做)?(?:介绍|解读)/u;

const PANEL_OPEN = /圆桌|对话嘉宾|讨论环节|小组讨论|\bpanel\b/giu;
const PANEL_CLOSE = /(?:圆桌|讨论|对话)(?:环节)?(?:就|也|已经)?(?:到此|到这里|告一段落|结束)|讨论给予最后的掌声|主旨演讲|主旨发言|keynote/giu;

/**
 * Whether a round table is under way after the host's words: the last of its openings (圆桌, 讨论环节, panel) and
 * closings (第一场圆桌讨论就到此结束, a return to 主旨演讲) wins; neither keeps the state.
 */
export function panelAfter(text: string, panel: boolean): boolean {
  const last = (re: RegExp) => {
    let at = -1;
    for (const m of text.matchAll(re)) at = m.index;
    return at;
  };
  const open = last(PANEL_OPEN);
  const close = last(PANEL_CLOSE);
  if (open < 0 && close < 0) return panel;
  return open > close;
}
