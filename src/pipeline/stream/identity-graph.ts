// Identity resolution kept up to date one customer record at a time. People are the connected
// components of records linked by shared identifier values; a value held by more than the
// placeholder threshold links nothing. Adding a link is a union (the smaller component's members
// move into the larger). Losing a link (a value crosses the threshold, or a record's new version
// drops a value) cannot be undone in a union-find, so the one component it may split is rebuilt
// by a search over its members' still-linking values: splits are local and rare, unions are cheap.
import type { IdentifierKind } from '../params';
import { IDENTIFIER_KINDS } from '../params';

export interface GraphEvents {
  /** A new person (a record seen for the first time) with the component id. */
  created(comp: number): void;
  /** `from` joined `into` (into is the larger); `from` is gone. */
  merged(into: number, from: number): void;
  /** `old` fell apart into `pieces` (new ids); `old` is gone. */
  split(old: number, pieces: readonly number[]): void;
  /** A record's value of this email id was added or removed (its tickets' owner may change). */
  emailHoldersChanged(emailValue: number): void;
}

export class IdentityGraph {
  /** Component of each record slot, -1 until the record exists. */
  readonly comp: Int32Array;
  /** Current value id per kind (email, phone, loyalty) of each record, -1 for none. */
  readonly values: readonly [Int32Array, Int32Array, Int32Array];
  // Members of each component id and holders of each value, as linked lists through typed arrays
  // (-1 ends a list): a component's records chain by memberNext, a value's holders by holderNext /
  // holderPrev (a record holds one value per kind, so it is its own list node). No small arrays.
  private memberHead: Int32Array;
  private memberSize: Int32Array;
  private readonly memberNext: Int32Array;
  private componentCount = 0;
  private readonly holderHead: readonly Int32Array[];
  private readonly holderSize: readonly Int32Array[];
  private readonly holderNext: readonly Int32Array[];
  private readonly holderPrev: readonly Int32Array[];
  private readonly linked: readonly boolean[];
  private readonly dirty: number[] = [];
  private readonly visit: Int32Array;
  private stamp = 0;
  private readonly pieceQueue: Int32Array;

  constructor(
    recordSlots: number,
    /** Distinct values per kind (email, phone, loyalty): value ids run 0 .. count - 1. */
    valueCounts: readonly [number, number, number],
    readonly threshold: number,
    link: readonly IdentifierKind[],
    private readonly events: GraphEvents,
  ) {
    const minusOnes = (n: number) => new Int32Array(n).fill(-1);
    this.comp = minusOnes(recordSlots);
    this.values = [minusOnes(recordSlots), minusOnes(recordSlots), minusOnes(recordSlots)];
    this.memberHead = minusOnes(Math.max(16, recordSlots));
    this.memberSize = new Int32Array(this.memberHead.length);
    this.memberNext = minusOnes(recordSlots);
    this.holderHead = valueCounts.map(minusOnes);
    this.holderSize = valueCounts.map((n) => new Int32Array(n));
    this.holderNext = valueCounts.map(() => minusOnes(recordSlots));
    this.holderPrev = valueCounts.map(() => minusOnes(recordSlots));
    this.linked = IDENTIFIER_KINDS.map((k) => link.includes(k));
    this.visit = new Int32Array(recordSlots);
    this.pieceQueue = new Int32Array(recordSlots);
  }

  /** Component ids handed out so far (gone ones included: their size is 0). */
  get components(): number {
    return this.componentCount;
  }

  /** Records in component c (0 once the id is gone). */
  size(c: number): number {
    return this.memberSize[c];
  }

  /** The first record of component c, -1 for none; the rest follow by nextMember. */
  firstMember(c: number): number {
    return this.memberHead[c];
  }

  nextMember(rec: number): number {
    return this.memberNext[rec];
  }

  /** Component c's records as an array (for reading the state, not the per-event path). */
  membersOf(c: number): number[] {
    const out: number[] = [];
    for (let m = this.memberHead[c]; m >= 0; m = this.memberNext[m]) out.push(m);
    return out;
  }

  /** Records whose current version holds value v of kind j. */
  holderCount(j: number, v: number): number {
    return this.holderSize[j][v];
  }

  /** The first holder of value v of kind j, -1 for none; the rest follow by nextHolder. */
  firstHolder(j: number, v: number): number {
    return this.holderHead[j][v];
  }

  nextHolder(j: number, rec: number): number {
    return this.holderNext[j][rec];
  }

  holdersOf(j: number, v: number): number[] {
    const out: number[] = [];
    for (let h = this.holderHead[j][v]; h >= 0; h = this.holderNext[j][h]) out.push(h);
    return out;
  }

  /** Distinct values of kind j. */
  valueCount(j: number): number {
    return this.holderSize[j].length;
  }

  /** Whether value v of kind j links its holders now (linked kind, 2..threshold holders). */
  links(j: number, v: number): boolean {
    const n = this.holderSize[j][v];
    return this.linked[j] && n >= 2 && n <= this.threshold;
  }

  /** A placeholder: a linked kind's value held by more records than the threshold. */
  isPlaceholder(j: number, v: number): boolean {
    return this.linked[j] && this.holderSize[j][v] > this.threshold;
  }

  /** A record's first accepted version: a new one-record person, then its values link it. */
  addRecord(rec: number, email: number, phone: number, loyalty: number): void {
    const c = this.newComponent();
    this.memberHead[c] = rec;
    this.memberSize[c] = 1;
    this.comp[rec] = c;
    this.events.created(c);
    this.setValues(rec, email, phone, loyalty);
  }

  /** A record's newer version: its values change, which may link, unlink or both. */
  setValues(rec: number, email: number, phone: number, loyalty: number): void {
    this.setValue(0, rec, email);
    this.setValue(1, rec, phone);
    this.setValue(2, rec, loyalty);
    if (this.dirty.length > 0) this.rebuildDirty();
  }

  private newComponent(): number {
    const c = this.componentCount++;
    if (c === this.memberHead.length) {
      const head = new Int32Array(2 * c).fill(-1), size = new Int32Array(2 * c);
      head.set(this.memberHead);
      size.set(this.memberSize);
      this.memberHead = head;
      this.memberSize = size;
    }
    return c;
  }

  private setValue(j: number, rec: number, v: number): void {
    const old = this.values[j][rec];
    if (old === v) return;
    if (old >= 0) this.removeHolder(j, old, rec);
    this.values[j][rec] = v;
    if (v >= 0) this.addHolder(j, v, rec);
  }

  private addHolder(j: number, v: number, rec: number): void {
    const head = this.holderHead[j], next = this.holderNext[j], prev = this.holderPrev[j];
    const other = head[v];
    next[rec] = other;
    prev[rec] = -1;
    if (other >= 0) prev[other] = rec;
    head[v] = rec;
    const n = ++this.holderSize[j][v];
    if (this.linked[j]) {
      if (n >= 2 && n <= this.threshold) this.union(this.comp[other], this.comp[rec]);
      // One holder too many: the value becomes a placeholder and the links it made are gone.
      else if (n === this.threshold + 1) for (let h = other; h >= 0; h = next[h]) this.dirty.push(h);
    }
    if (j === 0) this.events.emailHoldersChanged(v);
  }

  private removeHolder(j: number, v: number, rec: number): void {
    const head = this.holderHead[j], next = this.holderNext[j], prev = this.holderPrev[j];
    const p = prev[rec], q = next[rec];
    if (p < 0) head[v] = q;
    else next[p] = q;
    if (q >= 0) prev[q] = p;
    next[rec] = prev[rec] = -1;
    const n = --this.holderSize[j][v], before = n + 1;
    if (this.linked[j]) {
      if (before >= 2 && before <= this.threshold) this.dirty.push(rec);
      // Back under the threshold: a placeholder becomes a link between all its holders again.
      else if (before > this.threshold && n <= this.threshold && n >= 2) {
        const first = head[v];
        for (let h = next[first]; h >= 0; h = next[h]) this.union(this.comp[first], this.comp[h]);
      }
    }
    if (j === 0) this.events.emailHoldersChanged(v);
  }

  private union(a: number, b: number): void {
    if (a === b) return;
    const [into, from] = this.memberSize[a] >= this.memberSize[b] ? [a, b] : [b, a];
    // Relabel the smaller component's records, then splice its list in front of the larger's.
    let last = -1;
    for (let m = this.memberHead[from]; m >= 0; m = this.memberNext[m]) {
      this.comp[m] = into;
      last = m;
    }
    this.memberNext[last] = this.memberHead[into];
    this.memberHead[into] = this.memberHead[from];
    this.memberSize[into] += this.memberSize[from];
    this.memberHead[from] = -1;
    this.memberSize[from] = 0;
    this.events.merged(into, from);
  }

  /** Rebuilds each component that lost a link: a search over links that still hold. */
  private rebuildDirty(): void {
    while (this.dirty.length > 0) {
      const rec = this.dirty.pop()!;
      const c = this.comp[rec];
      if (c >= 0 && this.memberSize[c] > 1) this.rebuild(c);
    }
  }

  private rebuild(c: number): void {
    const members = this.membersOf(c);
    const seen = this.nextStamp();
    const pieces: number[][] = [];
    const queue = this.pieceQueue;
    for (const start of members) {
      if (this.visit[start] === seen) continue;
      let n = 0;
      queue[n++] = start;
      this.visit[start] = seen;
      for (let k = 0; k < n; k++) {
        const m = queue[k];
        for (let j = 0; j < 3; j++) {
          const v = this.values[j][m];
          if (v < 0 || !this.links(j, v)) continue;
          for (let h = this.holderHead[j][v]; h >= 0; h = this.holderNext[j][h]) {
            if (this.visit[h] !== seen) {
              this.visit[h] = seen;
              queue[n++] = h;
            }
          }
        }
      }
      pieces.push(Array.from(queue.subarray(0, n)));
    }
    if (pieces.length === 1) return;
    this.memberHead[c] = -1;
    this.memberSize[c] = 0;
    const ids: number[] = [];
    for (const piece of pieces) {
      const id = this.newComponent();
      // The piece's records chain in the order the search found them.
      for (let k = 0; k < piece.length; k++) {
        this.comp[piece[k]] = id;
        this.memberNext[piece[k]] = k + 1 < piece.length ? piece[k + 1] : -1;
      }
      this.memberHead[id] = piece[0];
      this.memberSize[id] = piece.length;
      ids.push(id);
    }
    this.events.split(c, ids);
  }

  private nextStamp(): number {
    if (++this.stamp === 0x7fffffff) {
      this.visit.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }
}
