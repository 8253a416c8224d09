// Numeric ids (order ids, event ids, device ids) → a slot per row, assigned once over all rows of a
// topic up front, so the per-event rules index typed arrays and never hash. Ids that are small
// non-negative integers (the generator's are) are their own slots; others are numbered by a Map.
import { maxOf } from '../silver/dense-keys';

export class DenseSlots {
  /** Slot of each row's id, -1 for a missing id. */
  readonly rowSlot: Int32Array;
  /** Slots run 0 .. count - 1. */
  readonly count: number;
  private readonly map: Map<number, number> | undefined;

  constructor(ids: Float64Array) {
    const n = ids.length;
    const max = maxOf(ids);
    let dense = max < Math.max(1024, n * 8) && max < 50_000_000;
    for (let i = 0; i < n && dense; i++) if (!Number.isNaN(ids[i]) && !(ids[i] >= 0 && Number.isInteger(ids[i]))) dense = false;
    this.rowSlot = new Int32Array(n);
    if (dense) {
      for (let i = 0; i < n; i++) this.rowSlot[i] = Number.isNaN(ids[i]) ? -1 : ids[i];
      this.count = max + 1;
      return;
    }
    const map = (this.map = new Map<number, number>());
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      if (Number.isNaN(id)) {
        this.rowSlot[i] = -1;
        continue;
      }
      let s = map.get(id);
      if (s === undefined) map.set(id, (s = map.size));
      this.rowSlot[i] = s;
    }
    this.count = map.size;
  }

  /** The slot of an id, -1 when no row has it. */
  find(id: number): number {
    if (this.map !== undefined) return this.map.get(id) ?? -1;
    return Number.isInteger(id) && id >= 0 && id < this.count ? id : -1;
  }
}
