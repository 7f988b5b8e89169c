/**
 * Bilingual view: the aligner's pairs in two columns with their confidence; link, unlink, merge and split, each
 * an undoable step in the same history. Alignment runs in the worker over the clean text.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import {
  alignmentOf, alignmentStep, cleanText, linkPairs, mergeWithNext, setExtra, splitPair, unlinkPair, ALIGNMENT_EXTRA,
  type AlignedPair,
} from '../../../shared/edit';
import { translator, useT } from '../../i18n/i18n';
import { performStep } from '../../state/actions';
import { withTask } from '../../state/project-io';
import { getState, useApp } from '../../state/store';

async function runAlignment(): Promise<void> {
  const s = getState();
  const doc = s.editor.doc;
  const pairs = await withTask(translator(s.locale)('task.aligning'), { type: 'align', transcript: doc.transcript, clean: doc.transcript.segments.map((seg) => cleanText(doc, seg)) });
  if (pairs) performStep(setExtra(getState().editor.doc, ALIGNMENT_EXTRA, pairs, { action: 'align', count: pairs.length }));
}

function edit(next: (pairs: readonly AlignedPair[]) => AlignedPair[], action: 'link' | 'unlink' | 'merge' | 'split'): void {
  const doc = getState().editor.doc;
  performStep(alignmentStep(doc, next(alignmentOf(doc)), action));
}

function PairRow({ pair, index, count }: { pair: AlignedPair; index: number; count: number }) {
  const t = useT();
  const level = pair.confidence >= 0.8 ? 'high' : pair.confidence >= 0.5 ? 'mid' : 'low';
  return (
    <div className={`pair conf-${level}${pair.manual ? ' manual' : ''}`}>
      <div className="pair-side" lang="zh-CN">{pair.zh.map((s) => <p key={s.id}>{s.text}</p>)}</div>
      <div className="pair-side" lang="en">{pair.en.map((s) => <p key={s.id}>{s.text}</p>)}</div>
      <div className="pair-tools">
        <span className="confidence" title="confidence">{Math.round(pair.confidence * 100)}%</span>
        {index + 1 < count && <button type="button" className="small" onClick={() => edit((p) => linkPairs(p, index, index + 1), 'link')}>{t('bilingual.link')}</button>}
        {pair.zh.length > 0 && pair.en.length > 0 && <button type="button" className="small" onClick={() => edit((p) => unlinkPair(p, index), 'unlink')}>{t('bilingual.unlink')}</button>}
        {index + 1 < count && <button type="button" className="small" onClick={() => edit((p) => mergeWithNext(p, index), 'merge')}>{t('bilingual.merge')}</button>}
        {pair.zh.length + pair.en.length > 2 && (
          <button type="button" className="small" onClick={() => edit((p) => splitPair(p, index, Math.ceil(pair.zh.length / 2), Math.ceil(pair.en.length / 2)), 'split')}>{t('bilingual.split')}</button>
        )}
      </div>
    </div>
  );
}

export function BilingualView() {
  const t = useT();
  const pairs = useApp((s) => alignmentOf(s.editor.doc));
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: pairs.length, getScrollElement: () => parentRef.current, estimateSize: () => 64, overscan: 6 });
  return (
    <div className="bilingual-view" data-testid="bilingual-view">
      <div className="view-bar">
        <button type="button" className="primary" onClick={() => void runAlignment()}>{t('bilingual.align')}</button>
        <span className="muted">{pairs.length > 0 ? t('bilingual.count', { count: pairs.length }) : ''}</span>
      </div>
      {pairs.length === 0 ? <p className="muted pad">{t('bilingual.empty')}</p> : (
        <>
          <div className="pair pair-head"><div>{t('bilingual.zh')}</div><div>{t('bilingual.en')}</div><div /></div>
          <div className="segment-list" ref={parentRef}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => (
                <div key={pairs[item.index]!.id} data-index={item.index} ref={virtualizer.measureElement} className="row" style={{ transform: `translateY(${item.start}px)` }}>
                  <PairRow pair={pairs[item.index]!} index={item.index} count={pairs.length} />
                </div>
              ))}
            </div>
          </div>
        </>
      )}
    </div>
  );
}
