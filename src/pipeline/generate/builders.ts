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

export class F64Builder extends Growable<Float64Array> {
  constructor(capacity = 1024) {
    super(Float64Array, capacity);
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
