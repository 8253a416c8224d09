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
  /** Members of each component id (empty once the id is gone). */
  readonly members: number[][] = [];
  /** Current value id per kind (email, phone, loyalty) of each record, -1 for none. */
  readonly values: readonly [Int32Array, Int32Array, Int32Array];
  /** Holders per kind and value id: the existing records whose current version has that value. */
  readonly holders: readonly (number[] | undefined)[][];
  private readonly linked: readonly boolean[];
  private readonly dirty: number[] = [];
  private readonly visit: Int32Array;
  private stamp = 0;
  private visitStamp: Int32Array;

  constructor(
    recordSlots: number,
    readonly threshold: number,
    link: readonly IdentifierKind[],
    private readonly events: GraphEvents,
  ) {
    this.comp = new Int32Array(recordSlots).fill(-1);
    this.values = [new Int32Array(recordSlots).fill(-1), new Int32Array(recordSlots).fill(-1), new Int32Array(recordSlots).fill(-1)];
    this.holders = [[], [], []];
    this.linked = IDENTIFIER_KINDS.map((k) => link.includes(k));
    this.visit = new Int32Array(recordSlots);
    this.visitStamp = this.visit;
  }

  /** Whether value v of kind j links its holders now (linked kind, 2..threshold holders). */
  links(j: number, v: number): boolean {
    const n = this.holders[j][v]?.length ?? 0;
    return this.linked[j] && n >= 2 && n <= this.threshold;
  }

  /** A placeholder: a linked kind's value held by more records than the threshold. */
  isPlaceholder(j: number, v: number): boolean {
    return this.linked[j] && (this.holders[j][v]?.length ?? 0) > this.threshold;
  }

  /** A record's first accepted version: a new one-record person, then its values link it. */
  addRecord(rec: number, email: number, phone: number, loyalty: number): void {
    const c = this.members.length;
    this.members.push([rec]);
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

  private setValue(j: number, rec: number, v: number): void {
    const old = this.values[j][rec];
    if (old === v) return;
    if (old >= 0) this.removeHolder(j, old, rec);
    this.values[j][rec] = v;
    if (v >= 0) this.addHolder(j, v, rec);
  }

  private addHolder(j: number, v: number, rec: number): void {
    let list = this.holders[j][v];
    if (list === undefined) list = this.holders[j][v] = [];
    list.push(rec);
    const n = list.length;
    if (this.linked[j]) {
      if (n >= 2 && n <= this.threshold) this.union(this.comp[list[0]], this.comp[rec]);
      // One holder too many: the value becomes a placeholder and the links it made are gone.
      else if (n === this.threshold + 1) for (let k = 0; k < n - 1; k++) this.dirty.push(list[k]);
    }
    if (j === 0) this.events.emailHoldersChanged(v);
  }

  private removeHolder(j: number, v: number, rec: number): void {
    const list = this.holders[j][v]!;
    const at = list.indexOf(rec);
    list[at] = list[list.length - 1];
    list.pop();
    const n = list.length, before = n + 1;
    if (this.linked[j]) {
      if (before >= 2 && before <= this.threshold) this.dirty.push(rec);
      // Back under the threshold: a placeholder becomes a link between all its holders again.
      else if (before > this.threshold && n <= this.threshold && n >= 2) for (let k = 1; k < n; k++) this.union(this.comp[list[0]], this.comp[list[k]]);
    }
    if (j === 0) this.events.emailHoldersChanged(v);
  }

  private union(a: number, b: number): void {
    if (a === b) return;
    const [into, from] = this.members[a].length >= this.members[b].length ? [a, b] : [b, a];
    const moving = this.members[from];
    for (const m of moving) {
      this.comp[m] = into;
      this.members[into].push(m);
    }
    this.members[from] = [];
    this.events.merged(into, from);
  }

  /** Rebuilds each component that lost a link: a search over links that still hold. */
  private rebuildDirty(): void {
    while (this.dirty.length > 0) {
      const rec = this.dirty.pop()!;
      const c = this.comp[rec];
      if (c >= 0 && this.members[c].length > 1) this.rebuild(c);
    }
  }

  private rebuild(c: number): void {
    const members = this.members[c];
    const seen = this.nextStamp();
    const pieces: number[][] = [];
    for (const start of members) {
      if (this.visitStamp[start] === seen) continue;
      const piece = [start];
      this.visitStamp[start] = seen;
      for (let k = 0; k < piece.length; k++) {
        const m = piece[k];
        for (let j = 0; j < 3; j++) {
          const v = this.values[j][m];
          if (v < 0 || !this.links(j, v)) continue;
          for (const h of this.holders[j][v]!) {
            if (this.visitStamp[h] !== seen) {
              this.visitStamp[h] = seen;
              piece.push(h);
            }
          }
        }
      }
      pieces.push(piece);
    }
    if (pieces.length === 1) return;
    this.members[c] = [];
    const ids: number[] = [];
    for (const piece of pieces) {
      const id = this.members.length;
      this.members.push(piece);
      for (const m of piece) this.comp[m] = id;
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
