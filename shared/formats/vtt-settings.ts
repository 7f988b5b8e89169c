/**
 * WebVTT cue settings and region settings, interpreted per the W3C WebVTT parsing rules (§6.3 "parse the
 * WebVTT cue settings", §6.2 "collect WebVTT region settings").
 *
 * Jiaodui keeps a cue's settings as the raw string (`Segment.settings`) so an export writes them back
 * unchanged; this module reads that string into typed values to validate it (unknown or malformed settings
 * become diagnostics) and to run the conformance suites. Both parsers split the input on ASCII whitespace,
 * split each token at its first `:`, and ignore a token whose name or value is empty or invalid; a later
 * valid token overrides an earlier one. Numbers follow the spec's strict syntaxes: a percentage is
 * `digits[.digits]%` within 0..100; a `line` number is `-?digits[.digits]` (or a percentage).
 */

/** Values a cue's settings string gives, with the spec's defaults for settings it leaves out. */
export interface VttCueSettings {
  region: string | null;
  vertical: '' | 'rl' | 'lr';
  line: number | 'auto';
  snapToLines: boolean;
  lineAlign: 'start' | 'center' | 'end';
  position: number | 'auto';
  positionAlign: 'auto' | 'line-left' | 'center' | 'line-right';
  size: number;
  align: 'start' | 'center' | 'end' | 'left' | 'right';
  /** Tokens that were ignored (unknown name, bad value), for diagnostics. */
  ignored: string[];
}

/** A region definition from a REGION block. */
export interface VttRegion {
  id: string;
  width: number;
  lines: number;
  regionAnchorX: number;
  regionAnchorY: number;
  viewportAnchorX: number;
  viewportAnchorY: number;
  scroll: '' | 'up';
}

const SPACE_SPLIT = /[ \t\n\f\r]+/;
const PERCENT = /^\d+(?:\.\d+)?%$/;
const LINE_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Spec "parse a percentage string": a number 0..100 followed by `%`, else null. */
export function parsePercentage(text: string): number | null {
  if (!PERCENT.test(text)) return null;
  const value = Number(text.slice(0, -1));
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
}

/** Splits `name:value` at the first colon; null when either side is empty. */
function splitSetting(token: string): [string, string] | null {
  const colon = token.indexOf(':');
  if (colon <= 0 || colon === token.length - 1) return null;
  return [token.slice(0, colon), token.slice(colon + 1)];
}

/** Splits `value,align` at the first comma; align is null when there is no comma. */
function splitAlign(value: string): [string, string | null] {
  const comma = value.indexOf(',');
  return comma < 0 ? [value, null] : [value.slice(0, comma), value.slice(comma + 1)];
}

function applyLine(out: VttCueSettings, value: string): boolean {
  const [pos, align] = splitAlign(value);
  if (!/\d/.test(pos)) return false;
  let number: number | null;
  const percent = pos.endsWith('%');
  if (percent) number = parsePercentage(pos);
  else number = LINE_NUMBER.test(pos) ? Number(pos) : null;
  if (number === null || !Number.isFinite(number)) return false;
  out.line = number;
  out.snapToLines = !percent;
  // An unknown alignment does not void the line number (the spec only sets the known ones; WPT checks it).
  const known = align === 'start' || align === 'center' || align === 'end';
  out.lineAlign = known ? align : 'start';
  return align === null || known;
}

function applyPosition(out: VttCueSettings, value: string): boolean {
  const [pos, align] = splitAlign(value);
  const number = parsePercentage(pos);
  if (number === null) return false;
  if (align !== null && align !== 'line-left' && align !== 'center' && align !== 'line-right') return false;
  out.position = number;
  out.positionAlign = align ?? 'auto';
  return true;
}

function applySetting(out: VttCueSettings, name: string, value: string, regionIds: readonly string[]): boolean {
  switch (name) {
    case 'region':
      out.region = regionIds.includes(value) ? value : null;
      return out.region !== null;
    case 'vertical':
      if (value !== 'rl' && value !== 'lr') return false;
      out.vertical = value;
      return true;
    case 'line':
      return applyLine(out, value);
    case 'position':
      return applyPosition(out, value);
    case 'size': {
      const size = parsePercentage(value);
      if (size === null) return false;
      out.size = size;
      return true;
    }
    case 'align':
      if (value !== 'start' && value !== 'center' && value !== 'end' && value !== 'left' && value !== 'right') return false;
      out.align = value;
      return true;
    default:
      return false;
  }
}

/**
 * Reads a cue settings string (`align:start line:10%`). `regionIds` are the ids of the regions defined in
 * the file's header, in order; a `region:` naming none of them leaves the cue outside any region.
 */
export function parseCueSettings(settings: string, regionIds: readonly string[] = []): VttCueSettings {
  const out: VttCueSettings = {
    region: null, vertical: '', line: 'auto', snapToLines: true, lineAlign: 'start',
    position: 'auto', positionAlign: 'auto', size: 100, align: 'center', ignored: [],
  };
  for (const token of settings.split(SPACE_SPLIT)) {
    if (token === '') continue;
    const pair = splitSetting(token);
    if (!pair || !applySetting(out, pair[0], pair[1], regionIds)) out.ignored.push(token);
  }
  return out;
}

function parseAnchor(value: string): [number, number] | null {
  const comma = value.indexOf(',');
  if (comma < 0) return null;
  const x = parsePercentage(value.slice(0, comma));
  const y = parsePercentage(value.slice(comma + 1));
  return x === null || y === null ? null : [x, y];
}

/** Reads the settings lines of a REGION block (`id:fred width:40% lines:3 …`), with the spec's defaults. */
export function parseRegionSettings(text: string): VttRegion {
  const region: VttRegion = {
    id: '', width: 100, lines: 3, regionAnchorX: 0, regionAnchorY: 100, viewportAnchorX: 0, viewportAnchorY: 100, scroll: '',
  };
  for (const token of text.split(SPACE_SPLIT)) {
    const pair = token === '' ? null : splitSetting(token);
    if (!pair) continue;
    const [name, value] = pair;
    if (name === 'id') {
      if (!value.includes('-->')) region.id = value;
    } else if (name === 'width') {
      const width = parsePercentage(value);
      if (width !== null) region.width = width;
    } else if (name === 'lines') {
      if (/^\d+$/.test(value)) region.lines = Number(value);
    } else if (name === 'regionanchor' || name === 'viewportanchor') {
      const anchor = parseAnchor(value);
      if (!anchor) continue;
      if (name === 'regionanchor') [region.regionAnchorX, region.regionAnchorY] = anchor;
      else [region.viewportAnchorX, region.viewportAnchorY] = anchor;
    } else if (name === 'scroll' && value === 'up') region.scroll = 'up';
  }
  return region;
}
