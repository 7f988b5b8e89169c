/**
 * Glossary edits: every change is an undoable step on `extras.glossary`, followed by re-detection in the worker
 * (flags are derived data, so re-detection itself is not a step; decisions survive because flag ids are stable).
 */
import { setExtra } from '../../../shared/edit';
import { extractTerms, parseGlossary, serializeGlossary, type Glossary, type GlossaryEntry, type TermCandidate } from '../../../shared/glossary';
import { host } from '../../host';
import { notify, performStep } from '../../state/actions';
import { GLOSSARY_EXTRA, glossaryOf, redetect } from '../../state/project-io';
import { getState, setState } from '../../state/store';

let redetectTimer: number | undefined;

export function setGlossary(entries: GlossaryEntry[]): void {
  const doc = getState().editor.doc;
  const next: Glossary = { entries };
  performStep(setExtra(doc, GLOSSARY_EXTRA, next, { action: 'glossary', count: entries.length }));
  if (!getState().loaded) return;
  window.clearTimeout(redetectTimer);
  redetectTimer = window.setTimeout(() => void redetect(), 600);
}

export function currentEntries(): GlossaryEntry[] {
  return glossaryOf(getState().editor.doc)?.entries ?? [];
}

export function importGlossaryBytes(name: string, bytes: Uint8Array): void {
  const parsed = parseGlossary(new TextDecoder().decode(bytes), name);
  const known = new Set(currentEntries().map((e) => e.term));
  setGlossary([...currentEntries(), ...parsed.glossary.entries.filter((e) => !known.has(e.term))]);
  const problem = parsed.diagnostics.find((d) => d.severity !== 'info');
  if (problem) notify(`${name}: ${problem.message}`, problem.severity === 'error');
  setState({ view: 'glossary' });
}

export async function importGlossaryFromHost(): Promise<void> {
  const r = await host.openFile('glossary');
  if (r.ok && r.value) importGlossaryBytes(r.value.name, r.value.bytes);
  else if (!r.ok) notify(r.message, true);
}

export async function exportGlossary(): Promise<void> {
  const content = serializeGlossary({ entries: currentEntries() });
  const r = await host.saveFile({ kind: 'glossary', suggestedName: `${getState().title || 'glossary'}.tsv`, content });
  if (!r.ok) notify(r.message, true);
}

/** Candidates extracted from a reference document, waiting for the user to keep some. */
export interface CandidateList {
  name: string;
  candidates: TermCandidate[];
}

export async function addReferenceFromHost(): Promise<CandidateList | null> {
  const r = await host.openFile('reference');
  if (!r.ok) {
    notify(r.message, true);
    return null;
  }
  if (!r.value) return null;
  const text = new TextDecoder().decode(r.value.bytes);
  setState({ view: 'glossary' });
  const list = { name: r.value.name, candidates: extractTerms(text) };
  pendingCandidates = list;
  for (const l of candidateListeners) l();
  return list;
}

let pendingCandidates: CandidateList | null = null;
const candidateListeners = new Set<() => void>();

export const candidatesStore = {
  get: () => pendingCandidates,
  clear: () => {
    pendingCandidates = null;
    for (const l of candidateListeners) l();
  },
  subscribe: (l: () => void) => (candidateListeners.add(l), () => void candidateListeners.delete(l)),
};
