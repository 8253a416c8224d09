// Working arrays handed from one generator stage to the next. Every fresh typed array is new
// memory the OS must fault in page by page, and external memory that pushes the JS engine into
// full garbage collections; reusing the big temporaries of one stage in the next avoids both.
// Only arrays that never leave the generator go through here, and each is given back once.

const free: Uint32Array[] = [];

/**
 * A zero-filled Uint32Array of length n, recycled when one big enough is free. With `zero` false,
 * a recycled array keeps whatever it held (for scratch that is written before it is read).
 */
export function take(n: number, zero = true): Uint32Array {
  let best = -1;
  for (let i = 0; i < free.length; i++) {
    if (free[i].length >= n && (best < 0 || free[i].length < free[best].length)) best = i;
  }
  if (best < 0) return new Uint32Array(n);
  const whole = free[best];
  free[best] = free[free.length - 1];
  free.pop();
  const view = whole.subarray(0, n);
  if (zero) view.fill(0);
  return view;
}

/** Gives an array from `take` back; the caller must not use it afterwards. */
export function give(a: Uint32Array): void {
  free.push(new Uint32Array(a.buffer));
}

/** Lets the engine free every pooled array (at the end of a run). */
export function drainPool(): void {
  free.length = 0;
}
