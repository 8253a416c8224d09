// Growable typed arrays: the generator appends rows without knowing the final count, then
// takes an exact-length copy. No per-row objects.
import { give, take } from './pool';

type TypedArray = Float64Array | Uint32Array | Uint8Array;
type TypedCtor<T extends TypedArray> = new (length: number) => T;

class Growable<T extends TypedArray> {
  protected buf: T;
  length = 0;

  constructor(
    private readonly ctor: TypedCtor<T>,
    capacity: number,
  ) {
    this.buf = new ctor(Math.max(16, capacity));
  }

  push(v: number): void {
    if (this.length === this.buf.length) this.grow();
    this.buf[this.length++] = v;
  }

  get(i: number): number {
    return this.buf[i];
  }

  /** The filled part as a view (no copy); valid until the next push. */
  view(): T {
    return this.buf.subarray(0, this.length) as T;
  }

  /** An exact-length copy. */
  toArray(): T {
    return this.buf.slice(0, this.length) as T;
  }

  private grow(): void {
    const next = new this.ctor(Math.ceil(this.buf.length * 1.5));
    next.set(this.buf);
    this.buf = next;
  }
}

export class U32Builder extends Growable<Uint32Array> {
  constructor(capacity = 1024) {
    super(Uint32Array, capacity);
  }
}

export class U8Builder extends Growable<Uint8Array> {
  constructor(capacity = 1024) {
    super(Uint8Array, capacity);
  }
}

/**
 * Rows of `stride` Uint32 fields in one array (array of structs): reading a row in another order
 * later costs one cache miss instead of one per field. `add()` returns the row's base offset;
 * read `buf` after it, as it may have grown.
 */
export class RowBuilder {
  buf: Uint32Array;
  length = 0;

  /** With `pooled`, the rows live in a recycled working array: call `release()` when done. */
  constructor(
    readonly stride: number,
    capacity = 1024,
    private readonly pooled = false,
  ) {
    this.buf = this.alloc(Math.max(16, capacity) * stride);
  }

  add(): number {
    const base = this.length * this.stride;
    if (base + this.stride > this.buf.length) {
      const next = this.alloc(Math.ceil((this.buf.length * 1.5) / this.stride) * this.stride + this.stride);
      next.set(this.buf);
      if (this.pooled) give(this.buf);
      this.buf = next;
    }
    this.length++;
    return base;
  }

  release(): void {
    if (this.pooled) give(this.buf);
    this.buf = new Uint32Array(0);
    this.length = 0;
  }

  private alloc(n: number): Uint32Array {
    return this.pooled ? take(n) : new Uint32Array(n);
  }

  /** Field `field` of every row, as its own array. */
  column(field: number): Uint32Array {
    const out = new Uint32Array(this.length);
    for (let i = 0, at = field; i < this.length; i++, at += this.stride) out[i] = this.buf[at];
    return out;
  }
}

/**
 * The typed columns of one table, carved out of one buffer. The engine counts every new typed
 * array as external memory and runs a full garbage collection for each 64 MB or so of it; a big
 * table's columns allocated one by one would pay for several, allocated together for one.
 * Float64 columns come first, then Int32 columns, so every view is aligned.
 */
export class ColumnArena {
  private readonly buffer: ArrayBuffer;
  private float64At = 0;
  private int32At: number;

  constructor(
    private readonly rows: number,
    float64s: number,
    int32s: number,
  ) {
    this.int32At = rows * 8 * float64s;
    this.buffer = new ArrayBuffer(this.int32At + rows * 4 * int32s);
  }

  float64(): Float64Array {
    const a = new Float64Array(this.buffer, this.float64At, this.rows);
    this.float64At += this.rows * 8;
    return a;
  }

  int32(): Int32Array {
    const a = new Int32Array(this.buffer, this.int32At, this.rows);
    this.int32At += this.rows * 4;
    return a;
  }
}
