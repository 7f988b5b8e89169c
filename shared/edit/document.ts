/**
 * The editable document and the changes that make up an undo step.
 *
 * A change records both its before and after values, so a step is undone by applying its changes backwards and
 * redone by applying them forwards: no snapshots of the whole document, which would cost hundreds of megabytes on
 * a 70,000-segment transcript. `raw` is never a change target: decisions, manual edits and whole-value fields
 * (flags after re-detection, the level, feature collections such as glossary terms or aligned pairs) are.
 */
import type { Decision, Flag } from '../model/flag';
import type { Level } from '../model/levels';
import type { Transcript } from '../model/transcript';
import { Decisions, type DecisionChange } from './decisions';

export interface EditDoc {
  transcript: Transcript;
  flags: readonly Flag[];
  /** flag id → decision; absent = pending (a persistent map: a step copies only what it touches). */
  decisions: Decisions;
  /** segment id → manually edited clean text. */
  edits: Readonly<Record<string, string>>;
  level: Level;
  /** Feature collections replaced whole by their operations (e.g. `glossary`, `alignment`). */
  extras: Readonly<Record<string, unknown>>;
}

/** Fields replaced whole. `extra:NAME` addresses `extras[NAME]`. */
export type WholeField = 'flags' | 'level' | `extra:${string}`;

export type Change =
  | { type: 'decision'; flagId: string; before: Decision | undefined; after: Decision | undefined }
  | { type: 'edit'; segmentId: string; before: string | undefined; after: string | undefined }
  | { type: 'set'; field: WholeField; before: unknown; after: unknown };

/** What a step did, as data: the UI words it in the interface language (see describeStep for English). */
export interface StepLabel {
  action:
    | 'accept' | 'reject' | 'reset' | 'edit' | 'replace' | 'level' | 'detect'
    | 'link' | 'unlink' | 'merge' | 'split' | 'align' | 'glossary' | 'retime' | 'batch';
  count?: number;
  /** The flag kind all affected flags share, if they do. */
  kind?: string;
  /** The rule all affected flags share, if they do. */
  rule?: string;
  /** Free detail, e.g. the label of a batch. */
  text?: string;
}

/** One undoable unit: a named list of changes. */
export interface Step {
  label: StepLabel;
  changes: readonly Change[];
}

/** Creates an empty document around a transcript and its flags. */
export function createDoc(transcript: Transcript, flags: readonly Flag[] = [], level: Level = 'standard'): EditDoc {
  return { transcript, flags, decisions: Decisions.EMPTY, edits: {}, level, extras: {} };
}

function setOrDelete<V>(map: Record<string, V>, key: string, value: V | undefined): void {
  if (value === undefined) delete map[key];
  else map[key] = value;
}

/**
 * Applies a step's changes forwards (`redo`/`do`) or backwards (`undo`). Decisions are applied as one batch
 * (copying only the touched buckets of the persistent map) and the edit map is copied once per step.
 */
export function applyStep(doc: EditDoc, step: Step, direction: 'forward' | 'backward'): EditDoc {
  const forward = direction === 'forward';
  const changes = forward ? step.changes : [...step.changes].reverse();
  // decision changes go to the persistent map in one batch; a step of decisions only is passed as it is
  const onlyDecisions = step.changes.every((c) => c.type === 'decision');
  const decisions: DecisionChange[] = [];
  let edits: Record<string, string> | null = null;
  let next: EditDoc = doc;
  for (const change of changes) {
    const value = direction === 'forward' ? change.after : change.before;
    if (change.type === 'decision') {
      if (!onlyDecisions) decisions.push(change);
    } else if (change.type === 'edit') {
      edits ??= { ...doc.edits };
      setOrDelete(edits, change.segmentId, value as string | undefined);
    } else if (change.field === 'flags') {
      next = { ...next, flags: value as Flag[] };
    } else if (change.field === 'level') {
      next = { ...next, level: value as Level };
    } else {
      const name = change.field.slice('extra:'.length);
      next = { ...next, extras: { ...next.extras, [name]: value } };
    }
  }
  if (onlyDecisions) next = { ...next, decisions: doc.decisions.apply(step.changes as readonly DecisionChange[], forward) };
  else if (decisions.length) next = { ...next, decisions: doc.decisions.apply(forward ? decisions : decisions.reverse(), forward) };
  if (edits) next = { ...next, edits };
  return next;
}

/** Merges several steps into one under a new label (a whole operation is one undo step). */
export function mergeSteps(label: StepLabel, steps: readonly Step[]): Step {
  return { label, changes: steps.flatMap((s) => s.changes) };
}

const ACTION_WORDS: Record<StepLabel['action'], string> = {
  accept: 'accept', reject: 'reject', reset: 'reset', edit: 'edit', replace: 'replace', level: 'change level',
  detect: 're-run detection', link: 'link', unlink: 'unlink', align: 'align sentences', merge: 'merge', split: 'split', glossary: 'edit glossary',
  retime: 'retime', batch: '',
};

/** English wording of a label, e.g. `accept 214 filler flags`, `edit segment`. */
export function describeStep(label: StepLabel): string {
  if (label.action === 'batch') return label.text ?? 'changes';
  const verb = ACTION_WORDS[label.action];
  if (label.action === 'accept' || label.action === 'reject' || label.action === 'reset') {
    const n = label.count ?? 1;
    const what = label.rule ? `${label.rule} ` : label.kind ? `${label.kind} ` : '';
    return `${verb} ${n} ${what}flag${n === 1 ? '' : 's'}`;
  }
  if (label.action === 'edit' || label.action === 'replace') {
    const n = label.count ?? 1;
    return `${verb} ${n} segment${n === 1 ? '' : 's'}`;
  }
  return label.text ? `${verb} ${label.text}` : verb;
}
