/** A problem found in user data. Parsers collect these instead of throwing. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** 1-based line of the input file, or 0 when the problem concerns the whole file. */
  line: number;
  severity: Severity;
  /** Stable machine-readable code, e.g. `srt.missing-index`. */
  code: string;
  message: string;
}

/** Collects diagnostics while a parser runs; keeps the first N of each code to bound memory on huge bad files. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  private readonly perCode = new Map<string, number>();
  constructor(private readonly maxPerCode = 200) {}

  add(line: number, severity: Severity, code: string, message: string): void {
    const seen = (this.perCode.get(code) ?? 0) + 1;
    this.perCode.set(code, seen);
    if (seen <= this.maxPerCode) this.items.push({ line, severity, code, message });
    else if (seen === this.maxPerCode + 1) {
      this.items.push({ line, severity: 'info', code, message: `further "${code}" diagnostics suppressed` });
    }
  }
  warn(line: number, code: string, message: string): void { this.add(line, 'warning', code, message); }
  error(line: number, code: string, message: string): void { this.add(line, 'error', code, message); }
  info(line: number, code: string, message: string): void { this.add(line, 'info', code, message); }
  get hasErrors(): boolean { return this.items.some((d) => d.severity === 'error'); }
}
