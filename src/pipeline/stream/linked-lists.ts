// The live engine's per-record lists (a record's clicks, orders, consent events, a device's
// anonymous clicks, ...) as linked lists threaded through typed arrays: one head per owner, one link
// per item. A million events then add no small arrays for the collector to trace, and adding is
// two stores. Items are numbered densely (a row, an order slot); an item is in one list at a time.
// Links are stored plus one so that fresh, zeroed memory means "none" and needs no fill.

/** Lists that only grow. Iteration goes latest first: the folds over them do not depend on order. */
export class ItemLists {
  private readonly head: Int32Array;
  private readonly link: Int32Array;

  constructor(owners: number, items: number) {
    this.head = new Int32Array(owners);
    this.link = new Int32Array(items);
  }

  add(owner: number, item: number): void {
    this.link[item] = this.head[owner];
    this.head[owner] = item + 1;
  }

  /** The owner's latest item, -1 for none. */
  first(owner: number): number {
    return this.head[owner] - 1;
  }

  /** The item added before this one to the same list, -1 for none. */
  after(item: number): number {
    return this.link[item] - 1;
  }

  isEmpty(owner: number): boolean {
    return this.head[owner] === 0;
  }
}

/** Lists an item can also leave (an order moving to another record, a device to another login). */
export class MovableLists {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;

  constructor(owners: number, items: number) {
    this.head = new Int32Array(owners);
    this.next = new Int32Array(items);
    this.prev = new Int32Array(items);
  }

  add(owner: number, item: number): void {
    const h = this.head[owner];
    this.next[item] = h;
    this.prev[item] = 0;
    if (h !== 0) this.prev[h - 1] = item + 1;
    this.head[owner] = item + 1;
  }

  /** Takes the item out of the owner's list (it must be there). */
  remove(owner: number, item: number): void {
    const p = this.prev[item], n = this.next[item];
    if (p === 0) this.head[owner] = n;
    else this.next[p - 1] = n;
    if (n !== 0) this.prev[n - 1] = p;
    this.next[item] = 0;
    this.prev[item] = 0;
  }

  first(owner: number): number {
    return this.head[owner] - 1;
  }

  after(item: number): number {
    return this.next[item] - 1;
  }
}
