/**
 * Chinese wording of flag reasons.
 *
 * Rules write their reasons in English (the JSON report and the CLI are English, and a reason quotes the exact
 * text it is about). The Chinese interface shows the same reason in Chinese: each reason template of a rule is
 * matched by one pattern below, whose captures (quoted text, pinyin, terms, numbers) are carried over unchanged.
 * Templates are tried in order; the first whole match wins. Anything no pattern matches is shown in English, and a
 * test runs every rule's examples through `reasonInChinese` so a new template without a translation fails it.
 * Composite reasons (`A; B`, `…, before 院士`) translate their tails with the same table.
 */

type Translate = (m: RegExpExecArray) => string;

const Q = '"([^"]*)"';

/** Tails a glossary reason may carry after its main clause. */
const TAILS: Array<[RegExp, Translate]> = [
  [/^, one syllable missing/, () => '，少了一个音节'],
  [/^, two syllables swapped/, () => '，两个音节颠倒'],
  [/^, two syllables changed/, () => '，两个音节听错'],
  [/^, two syllables heard as one/, () => '，两个音节听成一个'],
  [/^, before (\S+)/, (m) => `，位于“${m[1]}”之前`],
];

function tails(rest: string): string | null {
  let out = '';
  let s = rest;
  while (s !== '') {
    const hit = TAILS.find(([re]) => re.test(s));
    if (!hit) return null;
    const m = hit[0].exec(s)!;
    out += hit[1](m);
    s = s.slice(m[0].length);
  }
  return out;
}

const SCRIPT: Record<string, string> = { Simplified: '简体', Traditional: '繁体' };
const GARBLE_WHY: Array<[RegExp, Translate]> = [
  [new RegExp(`^${Q} repeats part of ${Q}$`), (m) => `“${m[1]}”重复了“${m[2]}”的一部分`],
  [new RegExp(`^${Q} re-spells the end of ${Q}$`), (m) => `“${m[1]}”重拼了“${m[2]}”的结尾`],
  [/^no English word repeats a letter three times$/, () => '英文单词不会连写三个相同字母'],
  [new RegExp(`^a doubled ${Q} looks inserted$`), (m) => `多出的重复字母“${m[1]}”像是误插入的`],
  [/^letters missing from a known word(?: \(or (.*)\))?$/, (m) => `比一个已知单词少了字母${m[1] ? `（也可能是 ${m[1]}）` : ''}`],
  [/^a letter too many in a known word(?: \(or (.*)\))?$/, (m) => `比一个已知单词多了一个字母${m[1] ? `（也可能是 ${m[1]}）` : ''}`],
  [new RegExp(`^${Q} is said twice inside ${Q}$`), (m) => `“${m[1]}”在“${m[2]}”中被说了两遍`],
  [/^an apostrophe was lost$/, () => '丢了一个撇号'],
  [new RegExp(`^cut short; ${Q} is used in this transcript$`), (m) => `说了一半；本稿中用过“${m[1]}”`],
  [new RegExp(`^cut short; ${Q} is in the glossary$`), (m) => `说了一半；术语表中有“${m[1]}”`],
  [new RegExp(`^${Q} is used in this transcript$`), (m) => `本稿中用过“${m[1]}”`],
  [new RegExp(`^${Q} is in the glossary$`), (m) => `术语表中有“${m[1]}”`],
  [new RegExp(`^close to the common word ${Q}$`), (m) => `接近常用词“${m[1]}”`],
  [new RegExp(`^a lone ${Q} inside Chinese is no pronoun$`), (m) => `中文里单独的“${m[1]}”不是代词`],
  [new RegExp(`^${Q} inside Chinese is no sentence$`), (m) => `中文里的“${m[1]}”不成句`],
  [new RegExp(`^${Q} is (rare in speech|no word); ${Q} is common and one letter longer$`),
    (m) => `“${m[1]}”${m[2] === 'no word' ? '不是单词' : '在口语中很少见'}；“${m[3]}”是常用词，只多一个字母`],
  [new RegExp(`^one word heard as two; ${Q} is (one|two) letters? from ${Q}$`),
    (m) => `一个词被听成了两个；“${m[1]}”与“${m[3]}”只差${m[2] === 'one' ? '一' : '两'}个字母`],
];

const HOW_LETTERS: Record<string, string> = {
  'one letter misheard': '一个字母听错',
  'two letters swapped': '两个字母颠倒',
  'one letter missing or extra': '少或多了一个字母',
};

const PATTERNS: Array<[RegExp, Translate]> = [
  // fillers and repetitions
  [new RegExp(`^${Q} is a filled pause \\(hesitation\\), not content$`), (m) => `“${m[1]}”是填充停顿（犹豫），不是内容`],
  [new RegExp(`^${Q} is a filled pause$`), (m) => `“${m[1]}”是填充停顿`],
  [new RegExp(`^${Q} set off by commas is a discourse filler here$`), (m) => `逗号隔开的“${m[1]}”在这里是话语填充词`],
  [new RegExp(`^${Q} is used as a discourse filler here; check it carries no meaning$`), (m) => `“${m[1]}”在这里用作话语填充词；请确认它没有实际意义`],
  [new RegExp(`^${Q} is a tag question used as a filler$`), (m) => `“${m[1]}”是用作填充的附加问句`],
  [new RegExp(`^${Q} repeats the words that follow \\(a stutter\\)$`), (m) => `“${m[1]}”重复了后面的词（口吃）`],
  [new RegExp(`^${Q} is said twice in a row$`), (m) => `“${m[1]}”连说了两遍`],
  // artefacts and hallucinations
  [new RegExp(`^${Q} looks like a garbled ${Q}: (.*)$`), (m) => {
    const why = GARBLE_WHY.find(([re]) => re.test(m[3]!));
    return `“${m[1]}”像是“${m[2]}”的乱码：${why ? why[1](why[0].exec(m[3]!)!) : m[3]}`;
  }],
  [new RegExp(`^${Q} over silence is a known Whisper hallucination$`), (m) => `静音处的“${m[1]}”是已知的 Whisper 幻觉`],
  [new RegExp(`^${Q} is a known Whisper hallucination when the audio is silent; check the audio$`), (m) => `“${m[1]}”是音频静音时 Whisper 常见的幻觉；请核对音频`],
  [new RegExp(`^${Q} is a subtitle credit Whisper learned, not speech$`), (m) => `“${m[1]}”是 Whisper 学来的字幕署名，不是讲话内容`],
  [/^the same text repeats in three or more segments in a row: a recognition loop$/, () => '同样的文字连续出现在三个或更多片段中：识别循环'],
  [new RegExp(`^${Q} repeats three or more times in a row: a recognition loop$`), (m) => `“${m[1]}”连续重复三次或更多：识别循环`],
  [new RegExp(`^${Q} is stray Japanese kana, not speech$`), (m) => `“${m[1]}”是混入的日文假名，不是讲话内容`],
  [new RegExp(`^${Q} is an emoji or symbol, not speech$`), (m) => `“${m[1]}”是表情符号或符号，不是讲话内容`],
  [new RegExp(`^${Q} goes with the stray ${Q}$`), (m) => `“${m[1]}”随混入的“${m[2]}”一起删除`],
  [/^(\d+) characters and (\d+) words in ([\d.]+) s is faster than anyone speaks; check the audio$/,
    (m) => `${m[3]} 秒内 ${m[1]} 个汉字和 ${m[2]} 个英文词，超出任何人的语速；请核对音频`],
  [/^only (\d+)% of ([\d.]+) s holds speech$/, (m) => `${m[2]} 秒中只有 ${m[1]}% 有语音`],
  // punctuation, spacing, script
  [new RegExp(`^full-width ${Q} inside an English sentence$`), (m) => `英文句子中的全角“${m[1]}”`],
  [/^an ASCII comma between Chinese characters$/, () => '中文字符之间的半角逗号'],
  [/^a space between Chinese and Latin text \(your preference\)$/, () => '中英文之间加空格（按您的偏好）'],
  [/^no space between Chinese and Latin text \(your preference\)$/, () => '中英文之间不加空格（按您的偏好）'],
  [/^written in the other script; (Simplified|Traditional) form$/, (m) => `用的是另一种字形；改为${SCRIPT[m[1]!]}`],
  [new RegExp(`^${Q} is (Simplified|Traditional) script; (Simplified|Traditional): ${Q}$`),
    (m) => `“${m[1]}”是${SCRIPT[m[2]!]}字；${SCRIPT[m[3]!]}：“${m[4]}”`],
  // misrecognitions
  [/^(\S+) is not a word; (\S+) is one homophone \(([^)]*)\) away$/, (m) => `“${m[1]}”不是词；与“${m[2]}”只差一个同音字（${m[3]}）`],
  [/^(\S+) is not a word; (\S+) is one similar syllable \(([^)]*)\) away$/, (m) => `“${m[1]}”不是词；与“${m[2]}”只差一个相近音节（${m[3]}）`],
  [/^pinyin (.+?) ([=≈]) (.+?) \(given name of (.+?)\) \(([^)]*)\) in glossary(.*)$/, (m) => {
    const rest = tails(m[6]!);
    return rest === null ? '' : `拼音 ${m[1]} ${m[2]} 术语表中“${m[4]}”的名“${m[3]}”（${m[5]}）${rest}`;
  }],
  [/^pinyin (.+?) ([=≈]) (.+?) \(([^)]*)\) in glossary(.*)$/, (m) => {
    const rest = tails(m[5]!);
    return rest === null ? '' : `拼音 ${m[1]} ${m[2]} 术语表中的“${m[3]}”（${m[4]}）${rest}`;
  }],
  [/^(\S+) \(([^)]*)\) before a title ≈ (\S+) \(([^)]*)\) of (\S+) in glossary; \S+ and the like are named (\d+) times in the transcript$/,
    (m) => `头衔前的“${m[1]}”（${m[2]}）≈ 术语表中“${m[5]}”的姓“${m[3]}”（${m[4]}）；该姓加头衔在本稿中出现 ${m[6]} 次`],
  [/^(\S+) \(([^)]*)\) before a title ≈ (\S+): given name (\S+) \(([^)]*)\) in glossary; \S+ and the like are named (\d+) times in the transcript$/,
    (m) => `头衔前的“${m[1]}”（${m[2]}）≈ 术语表中的“${m[3]}”：名“${m[4]}”（${m[5]}）；该姓加头衔在本稿中出现 ${m[6]} 次`],
  [new RegExp(`^${Q} reads (.+), which sounds like (.+) in the glossary$`), (m) => `“${m[1]}”读作 ${m[2]}，读音像术语表中的 ${m[3]}`],
  [/^sounds like (.+) word by word in glossary$/, (m) => `逐词读音像术语表中的 ${m[1]}`],
  [/^sounds like (.+) \(([A-Z0-9]+)\) in glossary$/, (m) => `读音像术语表中的 ${m[1]}（${m[2]}）`],
  [/^spelled (\d+)% like (.+) in glossary$/, (m) => `拼写与术语表中的 ${m[2]} 有 ${m[1]}% 相同`],
  [/^(.+) spells ([A-Z](?:-[A-Z])*): (.+) in glossary$/, (m) => `${m[1]} 拼出 ${m[2]}：术语表中的 ${m[3]}`],
  [/^(\S+) is (\S+) in glossary with (one letter misheard|two letters swapped|one letter missing or extra)$/,
    (m) => `${m[1]} 应为术语表中的 ${m[2]}，${HOW_LETTERS[m[3]!]}`],
];

/** The Chinese wording of a flag reason, or the English reason itself when no template matches. */
export function reasonInChinese(reason: string): string {
  for (const [re, translate] of PATTERNS) {
    const m = re.exec(reason);
    if (!m) continue;
    const out = translate(m);
    if (out !== '') return out;
  }
  return reason;
}

/** A flag reason in the interface language. */
export function localizeReason(reason: string, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? reasonInChinese(reason) : reason;
}
