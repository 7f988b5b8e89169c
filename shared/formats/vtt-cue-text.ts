/**
 * WebVTT cue text: markup in, plain text and speaker out (W3C WebVTT §6.4 "cue text parsing rules").
 *
 * `parseCueText` follows the spec's tokenizer (data / tag / start-tag / class / annotation / end-tag /
 * timestamp states) and tree builder: `c i b u ruby rt v lang` open elements (`rt` only inside `ruby`), an end
 * tag closes the current element only when its name matches (`</ruby>` also closes an open `rt`), unknown tags
 * are dropped, `<00:01.000>` becomes a timestamp node, text becomes text nodes with character references
 * decoded. Character references: the named ones cue text uses in practice (`&amp; &lt; &gt; &quot; &apos;
 * &nbsp; &lrm; &rlm;`, and the semicolon-less legacy forms HTML allows for amp/lt/gt/quot/nbsp) plus numeric
 * `&#…;` / `&#x…;`; any other `&name;` is kept as written (HTML knows 2,231 names; we do not carry that table).
 *
 * `cueTextToPlain` is what the importer stores as `Segment.raw`: the text content with tags removed, `<rt>`
 * annotations left out (they are pronunciation, not speech) and references decoded; when every voice span
 * in the cue names the same speaker, that name is returned as `speaker`. `escapeCueText` is its inverse for
 * export: `&`, `<`, `>` become references, so `raw` survives a round trip and `-->` can never appear.
 */

/** A node of the cue text tree. */
export type CueNode =
  | { type: 'text'; value: string }
  | { type: 'timestamp'; value: string }
  | { type: 'element'; name: string; classes: string[]; annotation: string; children: CueNode[] };

type Token =
  | { kind: 'text'; value: string }
  | { kind: 'start'; name: string; classes: string[]; annotation: string }
  | { kind: 'end'; name: string }
  | { kind: 'timestamp'; value: string };

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f',
};
/** Names HTML also accepts without the semicolon. */
const LEGACY = ['amp', 'lt', 'gt', 'quot', 'nbsp'];
const ELEMENTS = new Set(['c', 'i', 'b', 'u', 'ruby', 'rt', 'v', 'lang']);

function isTagSpace(ch: string): boolean {
  return ch === '\t' || ch === '\n' || ch === '\f' || ch === ' ';
}

/** Reads a character reference at `pos` (pointing at `&`); returns the text and the position after it. */
function readReference(s: string, pos: number): { text: string; end: number } {
  const numeric = /^&#(?:[xX]([0-9a-fA-F]+)|(\d+));?/.exec(s.slice(pos, pos + 12));
  if (numeric) {
    const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return { text: valid ? String.fromCodePoint(code) : '\ufffd', end: pos + numeric[0].length };
  }
  const named = /^&([a-zA-Z][a-zA-Z0-9]*)(;?)/.exec(s.slice(pos, pos + 40));
  if (named) {
    const [whole, name = '', semi] = named;
    const value = NAMED[name];
    if (value !== undefined && semi) return { text: value, end: pos + whole.length };
    const legacy = LEGACY.find((l) => name.startsWith(l));
    if (legacy) return { text: NAMED[legacy] ?? '', end: pos + 1 + legacy.length };
  }
  return { text: '&', end: pos + 1 };
}

/** Reads a tag starting just after `<`; returns the token (or null for an ignorable one) and the end. */
function readTag(s: string, pos: number): { token: Token | null; end: number } {
  let i = pos;
  const first = s[i];
  if (first === '/') {
    const close = s.indexOf('>', i);
    const end = close < 0 ? s.length : close;
    return { token: { kind: 'end', name: s.slice(i + 1, end) }, end: close < 0 ? end : end + 1 };
  }
  if (first !== undefined && first >= '0' && first <= '9') {
    const close = s.indexOf('>', i);
    const end = close < 0 ? s.length : close;
    return { token: { kind: 'timestamp', value: s.slice(i, end) }, end: close < 0 ? end : end + 1 };
  }
  let head = '';
  while (i < s.length && s[i] !== '>' && !isTagSpace(s[i] ?? '')) head += s[i++];
  let annotation = '';
  if (i < s.length && s[i] !== '>') {
    i++;
    while (i < s.length && s[i] !== '>') {
      if (s[i] === '&') {
        const ref = readReference(s, i);
        annotation += ref.text;
        i = ref.end;
      } else annotation += s[i++];
    }
  }
  if (i < s.length) i++;
  const [name = '', ...classes] = head.split('.');
  const token: Token = {
    kind: 'start', name, classes: classes.filter((c) => c !== ''),
    annotation: annotation.replace(/[\t\n\f\r ]+/g, ' ').trim(),
  };
  return { token, end: i };
}

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i] ?? '';
    if (ch === '&') {
      const ref = readReference(s, i);
      text += ref.text;
      i = ref.end;
    } else if (ch === '<') {
      if (text !== '') tokens.push({ kind: 'text', value: text });
      text = '';
      const tag = readTag(s, i + 1);
      if (tag.token) tokens.push(tag.token);
      i = tag.end;
    } else {
      const next = s.slice(i).search(/[&<]/);
      const end = next < 0 ? s.length : i + next;
      text += s.slice(i, end);
      i = end;
    }
  }
  if (text !== '') tokens.push({ kind: 'text', value: text });
  return tokens;
}

/** Builds the cue text tree of `text` per the spec's tree-building rules. */
export function parseCueText(text: string): CueNode[] {
  const root: CueNode[] = [];
  const stack: Extract<CueNode, { type: 'element' }>[] = [];
  const children = (): CueNode[] => stack[stack.length - 1]?.children ?? root;
  for (const token of tokenize(text)) {
    const current = stack[stack.length - 1];
    if (token.kind === 'text') children().push({ type: 'text', value: token.value });
    else if (token.kind === 'timestamp') {
      if (/^(?:\d+:)?\d{2}:\d{2}\.\d{3}$/.test(token.value)) children().push({ type: 'timestamp', value: token.value });
    } else if (token.kind === 'start') {
      if (!ELEMENTS.has(token.name) || (token.name === 'rt' && current?.name !== 'ruby')) continue;
      const keepAnnotation = token.name === 'v' || token.name === 'lang';
      const node: CueNode = {
        type: 'element', name: token.name, classes: token.classes,
        annotation: keepAnnotation ? token.annotation : '', children: [],
      };
      children().push(node);
      stack.push(node);
    } else if (current && token.name === current.name) stack.pop();
    else if (current && token.name === 'ruby' && current.name === 'rt') stack.splice(-2, 2);
  }
  return root;
}

function collectText(nodes: CueNode[], out: string[], voices: Set<string>): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push(node.value);
    else if (node.type === 'element' && node.name !== 'rt') {
      if (node.name === 'v') voices.add(node.annotation);
      collectText(node.children, out, voices);
    }
  }
}

/** Plain text of a cue, plus the speaker when all its voice spans name the same one (and text has no other). */
export interface PlainCue {
  text: string;
  speaker?: string;
  /** True when the markup carried anything beyond one whole-cue voice (formatting, several voices). */
  droppedMarkup: boolean;
  /** Distinct voice names found (more than one means the speaker could not be kept). */
  voices: string[];
}

/** Reduces cue markup to `Segment.raw` and a speaker. Fast path for text without `<` or `&`. */
export function cueTextToPlain(text: string): PlainCue {
  if (!text.includes('<') && !text.includes('&')) return { text, droppedMarkup: false, voices: [] };
  const tree = parseCueText(text);
  const parts: string[] = [];
  const voices = new Set<string>();
  collectText(tree, parts, voices);
  const plain = parts.join('');
  const names = [...voices];
  const outside = tree.some((n) => !(n.type === 'element' && n.name === 'v') && !(n.type === 'text' && n.value.trim() === ''));
  const single = names.length === 1 && names[0] !== '' && !outside ? names[0] : undefined;
  const onlyVoice = single !== undefined && tree.every((n) => n.type !== 'element' || n.children.every((c) => c.type === 'text'));
  const plainCue: PlainCue = { text: plain, droppedMarkup: text.includes('<') && !onlyVoice, voices: names };
  if (single !== undefined) plainCue.speaker = single;
  return plainCue;
}

/** Escapes plain text for a cue body: `&`, `<` and `>` become character references. */
export function escapeCueText(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}
