// silver/customer_identity.csv. Grain: one row per deduplicated customer source record.
import type { Table } from '../table';
import { code, makeTable, num, text } from '../table';
import { customerIdentitySchema } from '../schema/silver';
import { SOURCE_SYSTEMS } from '../schema/enums';
import type { CustomerRecords } from './customer-records';
import type { ResolvedIdentities } from './resolve-identities';

export function customerIdentity(records: CustomerRecords, ids: ResolvedIdentities): Table {
  const n = records.rawRow.length;
  const codeOfRank = records.systemNames.map((name) => (SOURCE_SYSTEMS as readonly string[]).indexOf(name));
  const systems = new Int32Array(n);
  const keys = new Array<string>(n);
  const sizes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    systems[i] = codeOfRank[records.systemRank[i]];
    const p = ids.personOf[i];
    keys[i] = ids.keys[p];
    sizes[i] = ids.membersStart[p + 1] - ids.membersStart[p];
  }
  return makeTable(customerIdentitySchema, n, [
    code(systems, SOURCE_SYSTEMS), text(records.id), text(keys), text(ids.matchRule), num(sizes),
  ]);
}
