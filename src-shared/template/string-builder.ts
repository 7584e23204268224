/**
 * Building a long string piece by piece in linear time with a small constant.
 *
 * `out += piece` in a loop makes one rope node per piece (tens of bytes each: hundreds of megabytes and
 * most of the time in garbage collection for a 12 MB text), and `parts.push(slice)` then `join` costs
 * about as much. Short pieces are copied here as UTF-16 code units into a fixed buffer that becomes one
 * string every few thousand units; long slices are kept whole. Lone surrogates survive as they are.
 */

const CHUNK = 8192;
/** Slices at least this long are kept as strings rather than copied unit by unit. */
const LONG_SLICE = 64;

export class StringBuilder {
  private readonly chunks: string[] = [];
  private readonly buffer = new Uint16Array(CHUNK);
  private used = 0;

  /** Appends one UTF-16 code unit. */
  pushCode(code: number): void {
    if (this.used === CHUNK) this.flush();
    this.buffer[this.used++] = code;
  }

  /** Appends `value.slice(start, end)`. */
  pushSlice(value: string, start: number, end: number): void {
    if (end - start >= LONG_SLICE) {
      this.flush();
      this.chunks.push(value.slice(start, end));
      return;
    }
    for (let i = start; i < end; i++) this.pushCode(value.charCodeAt(i));
  }

  /** Appends a whole string. */
  push(value: string): void {
    this.pushSlice(value, 0, value.length);
  }

  /** The string built so far. */
  toString(): string {
    this.flush();
    return this.chunks.length === 1 ? (this.chunks[0] as string) : this.chunks.join('');
  }

  private flush(): void {
    if (this.used === 0) return;
    this.chunks.push(
      String.fromCharCode.apply(null, this.buffer.subarray(0, this.used) as unknown as number[]),
    );
    this.used = 0;
  }
}
