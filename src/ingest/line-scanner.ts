/**
 * Splits a byte stream into lines (LF or CRLF) with their 1-based line numbers, for JSONL.
 * A line longer than `maxBytes` is reported as oversize and skipped without being held in memory.
 */
const LF = 0x0a;

export class LineScanner {
  private pending: Buffer | null = null;
  private line = 1;
  private skipping = false;

  constructor(
    private readonly onLine: (line: number, bytes: Buffer) => void,
    private readonly onOversize: (line: number, head: Buffer) => void,
    private readonly maxBytes: number,
  ) {}

  push(chunk: Buffer): void {
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf(LF, pos);
      if (nl < 0) break;
      if (this.skipping) this.skipping = false;
      else this.emit(buf.subarray(pos, nl));
      this.line++;
      pos = nl + 1;
    }
    if (pos >= buf.length) return;
    if (this.skipping) return;
    if (buf.length - pos > this.maxBytes) {
      this.onOversize(this.line, buf.subarray(pos, pos + 4096));
      this.skipping = true;
      return;
    }
    this.pending = Buffer.from(buf.subarray(pos));
  }

  finish(): void {
    if (this.pending && !this.skipping) this.emit(this.pending);
    this.pending = null;
  }

  private emit(bytes: Buffer): void {
    let b = bytes;
    if (this.line === 1 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    if (b.length > 0 && b[b.length - 1] === 0x0d) b = b.subarray(0, b.length - 1);
    if (b.length > this.maxBytes) {
      this.onOversize(this.line, b.subarray(0, 4096));
      return;
    }
    if (b.length === 0 || (b.length < 64 && /^\s*$/.test(b.toString('latin1')))) return;
    this.onLine(this.line, b);
  }
}
