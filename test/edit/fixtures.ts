import type { Flag, FlagKind } from '../../shared/model/flag';
import type { Segment } from '../../shared/model/segment';
import { createDoc, type EditDoc } from '../../shared/edit';

export function seg(id: string, raw: string): Segment {
  return { id, sourceLine: 1, lang: /[a-z]/i.test(raw) && !/\p{Script=Han}/u.test(raw) ? 'en' : 'zh', raw };
}

export function flag(segment: Segment, text: string, kind: FlagKind, suggestion = '', confidence = 0.5, ruleId = `zh.${kind}`): Flag {
  const start = segment.raw.indexOf(text);
  if (start < 0) throw new Error(`"${text}" not in "${segment.raw}"`);
  const end = start + text.length;
  return { id: `${ruleId}@${segment.id}:${start}-${end}`, segmentId: segment.id, start, end, kind, ruleId, suggestion, confidence, reason: 'test' };
}

/** Three segments with fillers, a repetition and a misrecognition, all below the standard level. */
export function sampleDoc(): EditDoc {
  const s1 = seg('s1', '嗯，我们的治理框架啊非常重要');
  const s2 = seg('s2', '这个这个国际智理研究院');
  const s3 = seg('s3', 'um so the the model works');
  const flags = [
    flag(s1, '嗯，', 'filler'),
    flag(s1, '啊', 'filler'),
    flag(s2, '这个', 'repetition'),
    flag(s2, '智理', 'misrecognition', '治理', 0.6, 'zh.glossary'),
    flag(s3, 'um ', 'filler', '', 0.5, 'en.filler'),
  ];
  return createDoc({ title: 't', segments: [s1, s2, s3], markers: [], metadata: {} }, flags);
}
