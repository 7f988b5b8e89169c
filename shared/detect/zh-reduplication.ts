/**
 * Built-in list of legitimate Chinese AA reduplications (adverbs, tentative verbs, kinship and baby words,
 * nouns): the fallback that keeps zh.repetition from flagging 常常 or 看看 when ICU segments them apart and
 * no lexicon was passed. Hand-written from common usage; not copied from any source.
 */
const AA = [
  // adverbs and adjectives
  '常常', '往往', '渐渐', '刚刚', '慢慢', '好好', '偏偏', '明明', '仅仅', '稍稍', '默默', '悄悄', '轻轻', '静静', '纷纷',
  '匆匆', '远远', '深深', '紧紧', '牢牢', '稳稳', '满满', '久久', '频频', '连连', '时时', '处处', '步步', '层层', '多多',
  '大大', '早早', '白白', '快快', '高高', '长长', '细细', '微微', '隐隐', '暗暗', '恰恰', '万万', '断断', '足足', '统统',
  '通通', '样样', '事事', '人人', '个个', '天天', '年年', '家家', '户户', '句句', '字字', '种种', '重重', '点点', '面面',
  '区区', '草草', '楚楚', '津津', '井井', '累累', '历历', '茫茫', '冉冉', '熊熊', '滚滚', '浩浩', '堂堂', '赫赫', '飘飘',
  '最最', '每每', '一一', '上上', '下下',
  // tentative verbs
  '看看', '听听', '想想', '试试', '说说', '谈谈', '走走', '聊聊', '问问', '查查', '找找', '写写', '读读', '等等', '动动',
  '帮帮', '玩玩', '逛逛', '尝尝', '摸摸', '碰碰', '讲讲', '算算', '比比', '练练', '笑笑', '歇歇', '坐坐', '转转', '瞧瞧',
  // kinship, baby words, nouns
  '谢谢', '哥哥', '姐姐', '妈妈', '爸爸', '弟弟', '妹妹', '爷爷', '奶奶', '姥姥', '叔叔', '舅舅', '婆婆', '公公', '太太',
  '宝宝', '娃娃', '星星', '猩猩', '蛐蛐', '蝈蝈', '宝宝', '乖乖', '拜拜', '嘻嘻', '哈哈', '呵呵', '嘿嘿', '嘀嘀', '滴滴',
  '侃侃', '姗姗', '翩翩', '依依', '落落', '洋洋', '欣欣', '芸芸', '孜孜', '兢兢', '栩栩', '蒸蒸', '彬彬', '谆谆',
];

const SET = new Set(AA);

/** True when `pair` (two identical characters) is a common legitimate reduplicated word. */
export function isReduplication(pair: string): boolean {
  return SET.has(pair);
}
