// Events name their customer by source_customer_id. The generator stores that column as codes into
// the records' ids (one string per record, shared by every event), so silver looks each id up once
// and the JS heap holds no array of millions of pointers.

/** The records' ids, then each extra id (orphan orders' erased or unknown ids) once. */
export function customerIdDictionary(recordIds: readonly string[], extra: readonly string[]): { dict: readonly string[]; codeOfExtra: Int32Array } {
  if (extra.length === 0) return { dict: recordIds, codeOfExtra: new Int32Array(0) };
  const dict = recordIds.slice();
  const codeOf = new Map<string, number>();
  const codeOfExtra = new Int32Array(extra.length);
  for (let k = 0; k < extra.length; k++) {
    let c = codeOf.get(extra[k]);
    if (c === undefined) {
      c = dict.push(extra[k]) - 1;
      codeOf.set(extra[k], c);
    }
    codeOfExtra[k] = c;
  }
  return { dict, codeOfExtra };
}
