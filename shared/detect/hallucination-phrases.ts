/**
 * Known Whisper hallucination strings (data, not code). Chinese entries are facts compiled in
 * ../shared/eval/whisper-hallucinations-zh (each reported as Whisper output or filtered as such in public
 * issues: github.com/dyphire/mpv-sub-fastwhisper/issues/9, github.com/ufal/whisper_streaming/issues/68,
 * github.com/collabora/WhisperLive/issues/246, github.com/openai/whisper/pull/1838, openai/whisper
 * discussion #928 via JSchmie/ScrAIbe); English ones are the common YouTube-outro kinds from the same threads.
 *
 * `anywhere`: credit/promo strings nobody says in a talk; removed wherever they appear (0.95).
 * `wholeCue`: phrases that are also real utterances (谢谢观看, Thanks for watching): flagged only when they are
 * the whole segment, and auto-removed only when the recogniser itself says the audio was silent.
 * Comparison ignores spaces and punctuation and folds ASCII case.
 */
export const ANYWHERE: readonly string[] = [
  '请不吝点赞订阅转发打赏支持明镜与点点栏目',
  '請不吝點贊訂閱轉發打賞支持明鏡與點點欄目',
  '明镜需要您的支持欢迎收看订阅明镜',
  '优优独播剧场YoYoTelevisionSeriesExclusive',
  '字幕由Amara.org社区提供',
  '小編字幕由Amara.org社區提供',
  '字幕由Amara.org社群提供',
  '中文字幕由Amara.org社群提供',
  '由Amara.org社群提供的字幕',
  '字幕by索兰娅',
  'CC字幕by沛隊字幕小組',
  'MINGPAOCANADA//MINGPAOTORONTO',
  '了解更多請訂閱谷歌頻道按讚分享留言',
  '请订阅我的频道',
  '請訂閱我的頻道',
  '中文字幕志愿者李宗盛',
  '字幕志愿者杨茜茜',
  '以下是普通话的句子',
  '以下是普通話的句子',
  '[SPEAKINGCHINESE]',
  'Subtitles by the Amara.org community',
  'Please subscribe to my channel',
];

export const WHOLE_CUE: readonly string[] = [
  '谢谢观看', '謝謝觀看', '感谢观看', '感謝觀看', '感謝您的觀看', '多谢您的观看', '谢谢观看下集再见', '就這樣子',
  '(音乐)', '(音樂)', '[音乐]', '[音樂]', '(音樂播放中)', '(音乐播放中)',
  'Thanks for watching', 'Thank you for watching', 'Thanks for watching and see you next time',
  'Please like and subscribe', 'Like and subscribe', 'See you in the next video',
];

/** Strips spaces and sentence punctuation and folds case, the form both lists are compared in. */
export function normalizePhrase(text: string): string {
  return text.replace(/[\s，。！？、,!?：:—-]+/g, '').toLowerCase();
}
