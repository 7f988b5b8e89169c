/**
 * A virtual list for very long lists (70,000 segments): only the rows in view plus `overscan` exist in the DOM.
 * Heights start as estimates, each rendered row is measured once after layout and remembered by key, and the
 * offsets come from a Fenwick tree (height-index.ts), so a measurement costs O(log n) and scrolling never
 * recomputes the whole list. A width change forgets measurements (text re-wraps) and re-estimates.
 */
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { HeightIndex } from './height-index';

export interface VirtualListHandle {
  /** Scrolls row i to the middle of the view unless it is already fully visible. */
  reveal(index: number): void;
}

interface Props {
  count: number;
  itemKey: (index: number) => string;
  /** Estimated height of row i at this content width. */
  estimate: (index: number, width: number) => number;
  render: (index: number) => ReactNode;
  overscan?: number;
  className?: string;
  testId?: string;
}

export const VirtualList = forwardRef<VirtualListHandle, Props>(function VirtualList(
  { count, itemKey, estimate, render, overscan = 8, className, testId }, ref,
) {
  const scroller = useRef<HTMLDivElement>(null);
  /** `jumped`: the last scroll moved more than a screen (see `extra` below). */
  const [view, setView] = useState({ top: 0, height: 800, width: 0, jumped: false });
  const [, setVersion] = useState(0);
  const measured = useRef(new Map<string, number>());
  const widthRef = useRef(0);

  const index = useMemo(() => {
    if (widthRef.current !== view.width) {
      measured.current.clear();
      widthRef.current = view.width;
    }
    // nothing to lay out before the list knows its width (the first layout effect tells it)
    if (view.width === 0) return new HeightIndex(0, () => 0);
    const known = measured.current;
    return new HeightIndex(count, known.size ? (i) => known.get(itemKey(i)) ?? estimate(i, view.width) : (i) => estimate(i, view.width));
  }, [count, itemKey, estimate, view.width]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setView((v) => (v.height === el.clientHeight && v.width === el.clientWidth ? v : { ...v, height: el.clientHeight, width: el.clientWidth }));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (el) setView((v) => (v.top === el.scrollTop ? v : { ...v, top: el.scrollTop, jumped: Math.abs(el.scrollTop - v.top) > v.height }));
  }, []);

  // a scroll that jumped more than a screen since the last render (a flung scrollbar, a fast drag) would only
  // make overscan rows that are gone again next frame: every row is new each frame, and the dropped ones are
  // garbage for Blink's heap (tens of MB a second); the overscan comes back with the next ordinary scroll
  const extra = view.jumped ? 0 : overscan;
  const first = Math.max(0, index.indexAt(view.top) - extra);
  const last = Math.min(index.count - 1, index.indexAt(view.top + view.height) + extra);

  // measure the rows just rendered; re-render only when some height really changed
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let changed = false;
    for (const row of el.querySelectorAll<HTMLElement>(':scope > .virtual-inner > [data-index]')) {
      const i = Number(row.dataset['index']);
      const h = row.offsetHeight;
      if (i < index.count && h > 0) {
        measured.current.set(itemKey(i), h);
        if (index.set(i, h)) changed = true;
      }
    }
    if (changed) setVersion((n) => n + 1);
  });

  useImperativeHandle(ref, () => ({
    reveal(i: number) {
      const el = scroller.current;
      if (!el || i < 0 || i >= index.count) return;
      const top = index.offset(i);
      const size = index.size(i);
      if (top >= el.scrollTop && top + size <= el.scrollTop + el.clientHeight) return;
      el.scrollTop = Math.max(0, top - (el.clientHeight - size) / 2);
      onScroll();
    },
  }), [index, onScroll]);

  useEffect(() => {
    // the list shrank under the scroll position (filters): keep the view inside it
    const el = scroller.current;
    if (el && el.scrollTop > index.total()) el.scrollTop = Math.max(0, index.total() - el.clientHeight);
  }, [index]);

  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    rows.push(
      <div key={itemKey(i)} data-index={i} className="row" style={{ transform: `translateY(${index.offset(i)}px)` }}>
        {render(i)}
      </div>,
    );
  }
  return (
    <div className={className} ref={scroller} onScroll={onScroll} data-testid={testId}>
      <div className="virtual-inner" style={{ height: index.total(), position: 'relative' }}>{rows}</div>
    </div>
  );
});
