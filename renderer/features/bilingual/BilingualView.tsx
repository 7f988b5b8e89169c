/**
 * Bilingual view: pairs in two columns with the aligner's confidence (its bead score, shown as is; a side
 * with no counterpart says so and has no score); link, unlink, merge and split, each an undoable step in the
 * same history. Pairs come from the transcript's own cues when it is bilingual per cue, or from a translation
 * file the user opens; an interpreted talk whose Chinese and English are different speech is never paired.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { alignmentOf, linkPairs, mergeWithNext, splitPair, unlinkPair, type AlignedPair } from '../../../shared/edit';
import { useT } from '../../i18n/i18n';
import { useApp } from '../../state/store';
import { alignInsideCues, alignmentSourceOf, alignWithTranslationFile, editPairs, exportBilingual } from './bilingual-actions';

function Side({ sentences, lang }: { sentences: AlignedPair['zh']; lang: 'zh' | 'en' }) {
  const t = useT();
  return (
    <div className={`pair-side${sentences.length ? '' : ' missing'}`} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      {sentences.length ? sentences.map((s) => <p key={s.id}>{s.text}</p>) : <p className="muted">— {t('bilingual.oneSided')}</p>}
    </div>
  );
}

function PairRow({ pair, index, count }: { pair: AlignedPair; index: number; count: number }) {
  const t = useT();
  const paired = pair.zh.length > 0 && pair.en.length > 0;
  const level = !paired ? 'none' : pair.confidence >= 0.8 ? 'high' : pair.confidence >= 0.5 ? 'mid' : 'low';
  return (
    <div className={`pair conf-${level}${pair.manual ? ' manual' : ''}`} data-testid="pair">
      <Side sentences={pair.zh} lang="zh" />
      <Side sentences={pair.en} lang="en" />
      <div className="pair-tools">
        <span className="confidence" title={t('bilingual.confidenceHint')} data-testid="pair-confidence">{paired ? pair.confidence.toFixed(2) : '—'}</span>
        {index + 1 < count && <button type="button" className="small" onClick={() => editPairs((p) => linkPairs(p, index, index + 1), 'link')}>{t('bilingual.link')}</button>}
        {paired && <button type="button" className="small" onClick={() => editPairs((p) => unlinkPair(p, index), 'unlink')}>{t('bilingual.unlink')}</button>}
        {index + 1 < count && <button type="button" className="small" onClick={() => editPairs((p) => mergeWithNext(p, index), 'merge')}>{t('bilingual.merge')}</button>}
        {pair.zh.length + pair.en.length > 2 && (
          <button type="button" className="small" onClick={() => editPairs((p) => splitPair(p, index, Math.ceil(pair.zh.length / 2), Math.ceil(pair.en.length / 2)), 'split')}>{t('bilingual.split')}</button>
        )}
      </div>
    </div>
  );
}

function SourceNote() {
  const t = useT();
  const source = useApp((s) => alignmentSourceOf(s.editor.doc));
  if (!source) return null;
  const text = source.kind === 'translation' ? t('bilingual.source', { name: source.name }) : source.kind === 'per-cue' ? t('bilingual.perCue') : '';
  return text ? <span className="muted" data-testid="alignment-source">{text}</span> : null;
}

export function BilingualView() {
  const t = useT();
  const pairs = useApp((s) => alignmentOf(s.editor.doc));
  const notBilingual = useApp((s) => alignmentSourceOf(s.editor.doc)?.kind === 'not-bilingual');
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: pairs.length, getScrollElement: () => parentRef.current, estimateSize: () => 64, overscan: 6 });
  return (
    <div className="bilingual-view" data-testid="bilingual-view">
      <div className="view-bar">
        <button type="button" className="primary" data-testid="align-cues" onClick={() => void alignInsideCues()}>{t('bilingual.align')}</button>
        <button type="button" data-testid="open-translation" onClick={() => void alignWithTranslationFile()}>{t('bilingual.openTranslation')}</button>
        <SourceNote />
        <span className="muted">{pairs.length > 0 ? t('bilingual.count', { count: pairs.length }) : ''}</span>
        <span className="spacer" />
        {pairs.length > 0 && (
          <>
            <button type="button" data-testid="export-bilingual-srt" onClick={() => void exportBilingual('srt')}>{t('bilingual.exportSrt')}</button>
            <button type="button" onClick={() => void exportBilingual('vtt')}>{t('bilingual.exportVtt')}</button>
          </>
        )}
      </div>
      {pairs.length === 0 ? (
        <p className="muted pad" data-testid="bilingual-empty">{notBilingual ? t('bilingual.notBilingual') : t('bilingual.empty')}</p>
      ) : (
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
