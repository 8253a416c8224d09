// Rows of a table grouped by person (compressed sparse rows), built once per run on first use.

export interface PersonIndex {
  rowsOf(person: number): Int32Array;
}

export function personIndex(person: Int32Array, people: number): PersonIndex {
  const start = new Int32Array(people + 1);
  for (let i = 0; i < person.length; i++) if (person[i] >= 0) start[person[i] + 1]++;
  for (let p = 0; p < people; p++) start[p + 1] += start[p];
  const fill = start.slice(0, people);
  const rows = new Int32Array(start[people]);
  for (let i = 0; i < person.length; i++) {
    const p = person[i];
    if (p >= 0) rows[fill[p]++] = i;
  }
  return { rowsOf: (p) => rows.subarray(start[p], start[p + 1]) };
}
