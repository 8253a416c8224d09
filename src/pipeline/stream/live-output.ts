// The run's files from the live state once the stream has ended. What the stream decided is used
// as is: each row's validation reason, the people of the incremental identity graph, and the
// per-person accumulators behind customer_360. The silver tables are written from those by the
// batch's own table writers; the marts that follow from customer_360 (segments, KPIs, audiences)
// and the quality report are computed from it as in the batch.
import type { PipelineRun, SourceName } from '../run';
import { assembleRun, goldFrom, silverFrom, customer360Inputs } from '../run';
import type { GeneratedSources } from '../generate';
import type { Table } from '../table';
import type { CustomerRecords } from '../silver/customer-records';
import type { Placeholder, ResolvedIdentities } from '../silver/resolve-identities';
import { ascendingOrder, customerKeyOf, placeholderOrder } from '../silver/resolve-identities';
import { IDENTIFIER_KINDS } from '../params';
import { CONSENT_PURPOSES } from '../schema/enums';
import { emptyAccumulators, type Accumulators } from '../gold/accumulators';
import { derive } from '../gold/customer-360';
import { buildQualityReport } from '../quality/build-report';
import type { LiveCustomer360 } from './live-engine';

/** The live graph's people as the batch's ResolvedIdentities over the deduplicated records. */
export function liveIdentities(live: LiveCustomer360, records: CustomerRecords): { ids: ResolvedIdentities; compOf: Int32Array } {
  const n = records.rawRow.length;
  const slotOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    slotOf[i] = live.messages.slots.find(records.system[i], records.id[i]);
    if (slotOf[i] < 0 || live.customerRowOf(slotOf[i]) !== records.rawRow[i]) {
      throw new Error(`live state disagrees on record ${records.system[i]}:${records.id[i]}: stream row ${live.customerRowOf(slotOf[i])}, batch row ${records.rawRow[i]}`);
    }
  }
  // Components, members in record order (records are sorted by (system, id), as keys need).
  const compIndex = new Map<number, number>();
  const groups: number[][] = [];
  const comps: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = live.graph.comp[slotOf[i]];
    let g = compIndex.get(c);
    if (g === undefined) {
      g = groups.length;
      compIndex.set(c, g);
      groups.push([]);
      comps.push(c);
    }
    groups[g].push(i);
  }
  const groupKeys = groups.map((g) => customerKeyOf(g.map((i) => `${records.system[i]}:${records.id[i]}`)));
  const order = ascendingOrder(groupKeys);
  const people = order.length;
  const personOf = new Int32Array(n), membersStart = new Int32Array(people + 1), members = new Int32Array(n);
  const keys = new Array<string>(people);
  const compOf = new Int32Array(people);
  let at = 0;
  for (let p = 0; p < people; p++) {
    const g = order[p];
    keys[p] = groupKeys[g];
    compOf[p] = comps[g];
    membersStart[p] = at;
    for (const i of groups[g]) {
      personOf[i] = p;
      members[at++] = i;
    }
  }
  membersStart[people] = at;

  const matchRule = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const p = personOf[i];
    if (membersStart[p + 1] - membersStart[p] === 1) {
      matchRule[i] = 'singleton';
      continue;
    }
    const kinds: string[] = [];
    IDENTIFIER_KINDS.forEach((kind, j) => {
      const v = live.graph.values[j][slotOf[i]];
      if (v >= 0 && live.graph.links(j, v)) kinds.push(kind);
    });
    matchRule[i] = kinds.join('|');
  }

  const placeholders: Placeholder[] = [];
  IDENTIFIER_KINDS.forEach((kind, j) => {
    const found: Placeholder[] = [];
    for (let v = 0; v < live.graph.valueCount(j); v++) {
      if (live.graph.isPlaceholder(j, v)) found.push({ kind, value: live.messages.valueIds[j].values[v], records: live.graph.holderCount(j, v) });
    }
    found.sort(placeholderOrder);
    placeholders.push(...found);
  });
  return { ids: { personOf, keys, membersStart, members, matchRule, placeholders }, compOf };
}

/** Accumulators in the run's person order, copied from the live state's component slots. */
function accumulatorsInPersonOrder(live: LiveCustomer360, compOf: Int32Array, consentCleanIndex: Int32Array): Accumulators {
  const people = compOf.length;
  const out = emptyAccumulators(people, live.acc.nowMs, CONSENT_PURPOSES.length);
  for (const key of Object.keys(out) as (keyof Accumulators)[]) {
    const to = out[key], from = live.acc[key];
    if (!(to instanceof Float64Array) || !(from instanceof Float64Array)) continue;
    for (let p = 0; p < people; p++) to[p] = from[compOf[p]];
  }
  out.consentLatest.forEach((latest, i) => {
    const from = live.acc.consentLatest[i];
    for (let p = 0; p < people; p++) latest[p] = from[compOf[p]] < 0 ? -1 : consentCleanIndex[from[compOf[p]]];
  });
  return out;
}

/** Every file of the run, written from the live state at the end of the stream. */
export function liveRun(live: LiveCustomer360, sources: GeneratedSources, bronze: Readonly<Record<SourceName, Table>>): PipelineRun {
  if (!live.done) throw new Error(`the stream has not ended: ${live.position} of ${live.total} rows applied`);
  const rawOf = (s: SourceName): Table => sources[s];
  let compOf: Int32Array = new Int32Array(0);
  const silver = silverFrom(rawOf, live.reasons, (records) => {
    const resolved = liveIdentities(live, records);
    compOf = resolved.compOf;
    return resolved.ids;
  });
  const consentCleanIndex = new Int32Array(sources.consent_events.rowCount).fill(-1);
  silver.consent.rawRow.forEach((row, i) => (consentCleanIndex[row] = i));
  const acc = accumulatorsInPersonOrder(live, compOf, consentCleanIndex);
  const sessions30d = Float64Array.from(compOf, (c) => live.sessionCount(c));
  const c360 = derive(customer360Inputs(silver, live.nowMs), acc, sessions30d);
  const gold = goldFrom(silver, c360);
  const quality = buildQualityReport({ params: live.params, nowMs: live.nowMs, sources, bronze, reasons: live.reasons, silver, gold });
  return assembleRun({ params: live.params, nowMs: live.nowMs, sources, bronze, reasons: live.reasons, silver, gold, quality }, []);
}
