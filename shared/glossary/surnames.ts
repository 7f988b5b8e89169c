/**
 * Common Chinese surnames (single characters), used to tell a person's name from an ordinary word when a
 * glossary entry has no kind, and to pick names out of reference documents.
 */

/** The ~300 most common single-character surnames. */
export const SURNAME_CHARS: ReadonlySet<string> = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝']);

/** SURNAME_CHARS by code point (the surnames are single BMP characters). */
const SURNAME_CODES: ReadonlySet<number> = new Set([...SURNAME_CHARS].map((c) => c.charCodeAt(0)));

/** True when a Han term of two to four characters starts with a common surname. */
export function looksLikeName(term: string): boolean {
  // asked for every glossary term: counts code points without splitting the term
  let n = 0;
  for (let i = 0; i < term.length && n <= 4; i++, n++) {
    const u = term.charCodeAt(i);
    // a surrogate pair is one code point
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < term.length && (term.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n >= 2 && n <= 4 && SURNAME_CODES.has(term.charCodeAt(0));
}
