/** A determinate progress bar (indeterminate while the total is unknown) with a cancel button. */
export function ProgressBar(props: { label: string; done: number; total: number; cancelLabel: string; onCancel: () => void }) {
  const pct = props.total > 0 ? Math.round((props.done / props.total) * 100) : null;
  return (
    <div className="progress" role="status" data-testid="progress">
      <span className="progress-label">{props.label}</span>
      <progress max={100} {...(pct === null ? {} : { value: pct })} />
      {pct !== null && <span className="progress-pct">{pct}%</span>}
      <button type="button" onClick={props.onCancel}>{props.cancelLabel}</button>
    </div>
  );
}
