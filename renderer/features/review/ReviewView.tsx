import { FlagTooltip } from './FlagTooltip';
import { SegmentList } from './SegmentList';
import { SidePanel } from './SidePanel';

/** Review: the segment list with flags inline, and the side panel (the waveform sits above it, app/App.tsx). */
export function ReviewView() {
  return (
    <div className="review" data-testid="review-view">
      <SegmentList />
      <SidePanel />
      <FlagTooltip />
    </div>
  );
}
