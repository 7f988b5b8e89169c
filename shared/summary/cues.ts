/**
 * Turn-taking cues read from one clause. Each cue says on which side of the clause a new turn would start:
 * - `handover` (after): the host gives the floor — 下面我们掌声有请姚先生 / 先请刘院长 / 现请工作人员来播放 /
 *   听听mat的观点 / 让我们欢迎张教授 / X，很高兴你能来到这里 / X，您怎么看？ / `please.`; a video being started
 *   (我们看一个视频) weighs more, since what follows is the video's sound;
 * - `close` (after): a speaker ends — 谢谢大家 / 我就说这么多 / 时间到了 / 下午见 / `Thank you all for listening`;
 * - `open` (before): a speaker starts — 尊敬的… / 大家好 / 早上好 / 谢谢主持人 / 非常感谢…的介绍 / 我非常荣幸… /
 *   `it's a delight to be here`; not when the speaker says they too introduce themselves (我也自我介绍一下: the
 *   host who just introduced the guests);
 * - `thanks` (before): the host takes the floor back — 特别感谢姚先生非常精彩的演讲 / 感谢高教授。/ `Okay, thank you,
 *   Mr. X` — or reacts to the last speaker (`I totally agree with you`, 我完全同意您的观点).
 * Open and thanks also read the rest of the clause's sentence (`rest`), since ASR cuts `thank you， Mr。 X` into
 * clauses.
 * Scores are evidence weights; turns.ts adds them up around each gap between clauses.
 */

export interface ClauseCues {
  handover: number;
  close: number;
  open: number;
  thanks: number;
  /** The clause is only filler/short (呃。/ 🎼 / 第二颗。) and lets cues reach across it. */
  light: boolean;
  /** At most eight letters (`特别感谢表谢。` / `不好弄。`): a stumble the host's thanks may follow. */
  short: boolean;
}

const LEAD = String.raw`^(?:[\s呃啊嗯哦诶哎喂好对那么就是然后，,。😊🎼]|再次|特别|非常|也|我们|让我们|那我们)*`;
const TALK = '(?:精彩|演讲|分享|发言|介绍|致辞|回答|报告|主持|观点|开场|概述|讲解|解读|评论|点评|见解)';
const TITLE = '(?:院士|教授|先生|女士|博士|老师|校长|院长|社长|主任|秘书长|部长|总裁|董事长|主席|研究员)';

const HANDOVER_STRONG = [
  /有请[^。，,]{0,30}[。，,！!]*$/u,
  /(?:^|[^邀])请(?:出|上)[^。]{0,40}/u,
  /(?:先|想|就)请[^。，]{1,12}(?:回答|来回答|谈谈|讲讲|分享|发言|介绍)/u,
  /(?:先|再)请(?![^。，]*留步)[^。，]{1,8}[。]?\s*$/u,
  /请[^。，]{1,16}(?:回答|来回答|谈一谈|谈谈|分享一下|发言|致辞|进行介绍|进行发布)/u,
  /(?:大家欢迎|欢迎[^。，]{1,20}(?:上台|致辞|演讲|发言|分享))/u,
  /(?:交给|抛给)[^。]{1,20}/u,
  /听听[^。，]{1,16}的?(?:观点|看法|意见|分享|想法|见解)/u,
  /(?:能不能|能否|可否|想请您?)[^。]{0,30}(?:回答|谈谈|谈一谈|分享|介绍|解答|解读|阐述|讲讲|聊聊)/u,
  /播放/u,
  /(?:来看|看一下|观看)[^。]{0,6}(?:效果|视频)/u,
  /\b(?:please welcome|let'?s welcome|over to you|the floor is yours)\b/iu,
  /欢迎[^。，！!]{1,20}(?:教授|博士|先生|女士|老师|院士|医生|上台)[。！!]*\s*$/u,
  /很高兴(?:能?(?:和|与)您|你能|您能)/u,
  /请(?:开始)?(?:您|你)的(?:演讲|发言|分享|报告)/u,
  /(?:您|你)(?:怎么看|如何看待?|有什么看法)[^。]{0,12}[？?]/u,
  /(?:您|你们?)(?:认为|觉得|能否|能不能|能|可以|是否|对此|有什么|怎么|如何)[^。？?]{2,60}[？?]\s*$/u,
  /请[^。，我]{1,16}分享(?!了)/u,
  /给(?:他|她|他们|她们|我们的嘉宾)?(?:一些|一个|热烈的)?掌声|(?:为|给)[^。，]{1,12}鼓掌/u,
  /^\s*(?:\p{Extended_Pictographic}\s*)*please[.。!！]?\s*$/iu,
];
const HANDOVER_VIDEO = /(?:我们|大家|先|一起|来|请)[^。，]{0,4}(?:看|放|播放)(?:一个|一段|一下)?[^。，]{0,4}(?:视频|短片|宣传片)/u;
const HANDOVER_WEAK = [/\b(?:want to ask|what do you think|would you like to)\b/iu, /[？?]\s*$/u];

const CLOSE_STRONG = [
  /(?:谢谢大家|感谢大家|谢谢各位|感谢各位的?聆听|感谢聆听|谢谢聆听)[。！!]*\s*$/u,
  /(?:我就说(?:这么多|到这)|汇报(?:这么多|到这)|就讲到这|介绍就到这|时间到了|我的发言(?:完毕|就到这))/u,
  /(?:下午见|明天见|告一段落|到此结束)[。！!]*\s*$/u,
  /\bthank you (?:all )?for (?:listening|your attention)\b/iu,
];
const CLOSE_WEAK = [/^\s*(?:好[，,]?\s*)?谢谢[。！!]*\s*$/u, /^\s*(?:ok(?:ay)?[\s,，]*)?thank+(?:s|k? ?you)(?: (?:so|very) much)?[.。!！]*\s*$/iu];

const OPEN_STRONG = [
  new RegExp(`${LEAD}(?:尊敬的|各位(?:尊敬的)?(?:嘉宾|领导|专家|来宾|朋友|同仁|同事|老师|观众)|女士们|大家(?:上午|下午|晚上)?好)`, 'u'),
  new RegExp(`${LEAD}(?:感谢|谢谢)(?:主持|[^。，]{0,12}的?(?:介绍|邀请))`, 'u'),
  /(?:非常|很)(?:荣幸|高兴)(?:能够?|有机会)?(?:参加|来到|在这里|与各位|和大家)/u,
  new RegExp(`${LEAD}(?:大家)?(?:早上|上午|下午|晚上)好`, 'u'),
  /^\s*(?:大家好[，,]?\s*)?我是(?:来自)?[^。，]{1,30}[，,]?$/u,
  /(?:邀请我(?:来)?(?:参加|参与|分享|发言|来到)|我的名字是|我叫[^。，]{1,12}[，,。])/u,
  /\b(?:it'?s a (?:delight|pleasure|great honou?r)|good (?:morning|afternoon|evening)|hello,? everyone|ladies and gentlemen|my name is|thank you for having me)\b/iu,
];
const OPEN_WEAK = [
  /^\s*(?:嗯|呃|啊|喂)?[，,]?\s*好(?:的|呃|啊)?[，,。]?\s*$/u,
  /^\s*(?:sure|absolutely|okay well|yes,? thank you)\b/iu,
  /^\s*(?:好[，,]?\s*)?那?(?:下面|今天)?我(?:来|想|要|今天)[^。]{0,16}(?:介绍|讲|谈|汇报|分享)/u,
  /^\s*(?:谢谢[，,]\s*)?我?(?:非常|很|十分)(?:荣幸|高兴)/u,
  // the speaker refers back to what was just said live (正像刚刚这个梁正副院长介绍了…)
  /^\s*(?:正像|正如|就像)?(?:刚刚|刚才)[^。]{0,16}(?:介绍|提到|讲到|说到|所说)/u,
  /^\s*(?:这|这个|那)是(?:一)?个(?:非常|很)?好的问题|^\s*(?:that'?s|this is) a (?:very |really )?(?:good|great) question/iu,
];
const NOT_OPEN = /我也(?:来)?(?:做个|简单)?(?:自我)?介绍一下/u;

const THANKS_STRONG = [
  new RegExp(`${LEAD}(?:感谢|谢谢)(?!大家|各位|会议|主办|你们|您们)[^。我]{1,24}${TALK}`, 'u'),
  /^\s*(?:非常|特别)?(?:感谢|谢谢)(?:你[，,]\s*)?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?[。，,！!]?\s*$/u,
  new RegExp(`${LEAD}(?:感谢|谢谢)[^。，]{0,6}${TITLE}[^。，]{0,8}[。，！!]?\\s*$`, 'u'),
  new RegExp(`对[^。]{1,20}的精彩[^。]{0,12}感谢`, 'u'),
  /^\s*(?:ok(?:ay)?[\s,，]*)?thank(?:s|k? ?you)[^.。]{0,12}\b(?:mr|ms|mrs|dr|prof|professor)\b/iu,
];
/** The host thanks a guest by title (好的，谢谢感谢刘院长还举了…): likely, not certain, a new turn. */
const THANKS_TITLED = new RegExp(`${LEAD}(?:谢谢[，,]?\\s*)?(?:感谢|谢谢)[^。，]{0,4}${TITLE}`, 'u');
const THANKS_WEAK = [
  // the host moves on to the next question: 接下来，我们想听听耀东老师的看法 / 下面第二个问题
  /^\s*(?:好[，,]?\s*)?(?:那么)?(?:接下来|下面|最后)[，,]?\s*[^，。]{0,5}?(?:听听|请教|问问|聊一下|聊聊|谈一下|探讨|第[一二三四五六七八九十\d]+个问题)/u,
  // the host addresses the next guest: 张灵翰教授，您今天起草并发布了…
  /^\s*[\p{Script=Han}A-Za-z]{1,8}(?:老师|教授|博士|先生|女士|院长)[，,]\s*(?:您|你)/u,
  /^\s*(?:(?:ok(?:ay)?|well|oh)[\s,，]*)*thank+(?:s|k? ?you)\b/iu,
  /\bI (?:totally|completely|fully|really) agree with you\b|^\s*(?:oh[\s,，]*)?I (?:love|like) (?:this|that|your) point\b/iu,
  /^\s*[^。，,]{0,6}[，,]?\s*我(?:非常|完全)同意(?:您|你)/u,
];

/** True when the text ends in a strong hand-over (its last sentence gives the floor to someone). */
export function endsWithHandover(text: string): boolean {
  const sentences = text.trim().split(/(?<=[。！？!?])/u).filter((x) => x.trim() !== '');
  const last = sentences.slice(-2).join('');
  return HANDOVER_VIDEO.test(last) || any(HANDOVER_STRONG, last.slice(-160));
}

function any(list: readonly RegExp[], text: string): boolean {
  return list.some((r) => r.test(text));
}

const LIGHT = /^(?:[\s呃啊嗯哦诶哎喂对好咳，,。.!！?？\p{Extended_Pictographic}]|\b(?:yeah|yes|ok|okay|oh|um|uh|so)\b)*$/iu;

/**
 * Reads the turn-taking cues of one clause (see the file comment for the families). `sentence` is the text of
 * the sentence so far (this clause and the clauses before it in the same sentence): a hand-over often spans
 * clauses (`下面我们有请下一个环节的主持人，清华大学…梁正教授。`). `rest` is the sentence from this clause on.
 */
export function clauseCues(text: string, sentence = text, rest = text): ClauseCues {
  const t = text.trim();
  const whole = sentence.trim();
  const ahead = rest.trim();
  const letters = [...t.replace(/[\s\p{P}\p{Extended_Pictographic}]/gu, '')].length;
  const handover = HANDOVER_VIDEO.test(whole) ? 2 : any(HANDOVER_STRONG, whole) ? 1.5 : any(HANDOVER_WEAK, t) ? 0.6 : 0;
  const open = NOT_OPEN.test(whole) || NOT_OPEN.test(ahead) ? 0 : any(OPEN_STRONG, t) || any(OPEN_STRONG, ahead) ? 1.5 : any(OPEN_WEAK, t) ? 0.8 : 0;
  return {
    handover,
    close: any(CLOSE_STRONG, t) ? 1.2 : any(CLOSE_WEAK, t) ? 0.6 : 0,
    open,
    thanks: any(THANKS_STRONG, t) || any(THANKS_STRONG, ahead) ? 2 : THANKS_TITLED.test(t) ? 1.6 : any(THANKS_WEAK, t) || any(THANKS_WEAK, ahead) ? 1.2 : 0,
    light: LIGHT.test(t) || letters <= 3,
    short: letters <= 8,
  };
}
