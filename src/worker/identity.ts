// Identity resolution made visible: cluster shapes, accuracy against the generator's truth, the
// false and missed merges with their causes, and what a rule change moved.
import type { PipelineRun } from '../pipeline/run';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../pipeline/params';
import type { IdentityAccuracy } from '../pipeline/quality/identity-accuracy';
import type { IdentityAccuracySummary, IdentityChange, IdentitySummary, MergeError } from './api';

const MAX_LISTED = 200;

/** What a later run needs of an earlier one to say what moved. */
export interface IdentitySnapshot {
  readonly dataKey: string;
  readonly link: readonly string[];
  readonly placeholderThreshold: number;
  readonly keyOfRecord: readonly string[];
  readonly profiles: number;
  readonly accuracy: IdentityAccuracySummary;
}

export function dataKeyOf(run: PipelineRun): string {
  const p = run.params;
  return JSON.stringify([p.seed, p.customers, p.now, p.issues]);
}

function summaryOf(acc: IdentityAccuracy): IdentityAccuracySummary {
  const f1 = acc.precision + acc.recall === 0 ? 0 : (2 * acc.precision * acc.recall) / (acc.precision + acc.recall);
  return { precision: acc.precision, recall: acc.recall, f1, resolvedPairs: acc.resolvedPairs, truePairs: acc.truePairs, correctPairs: acc.correctPairs };
}

export function identitySnapshot(run: PipelineRun): IdentitySnapshot {
  const ids = run.silver.identities;
  return {
    dataKey: dataKeyOf(run),
    link: run.params.link,
    placeholderThreshold: run.params.placeholderThreshold,
    keyOfRecord: Array.from(ids.personOf, (p) => ids.keys[p]),
    profiles: ids.keys.length,
    accuracy: summaryOf(run.quality.accuracy),
  };
}

const recordName = (run: PipelineRun, i: number) => `${run.silver.records.system[i]}:${run.silver.records.id[i]}`;

function valueOf(run: PipelineRun, kind: IdentifierKind, i: number): string | null {
  const r = run.silver.records;
  return kind === 'email' ? r.email[i] : kind === 'phone' ? r.phone[i] : r.loyalty[i];
}

/** Why records of different people ended in one profile: the identifiers they share across people. */
function falseMergeCause(run: PipelineRun, members: number[], truth: readonly string[]): string {
  const causes: string[] = [];
  for (const kind of run.params.link) {
    const people = new Map<string, Set<string>>();
    for (const m of members) {
      const v = valueOf(run, kind, m);
      if (v === null) continue;
      if (!people.has(v)) people.set(v, new Set());
      people.get(v)!.add(truth[m]);
    }
    for (const [v, ps] of people) if (ps.size > 1) causes.push(`${kind} ${v} shared by ${ps.size} people`);
  }
  return causes.length ? causes.join('; ') : 'linked through a chain of records of different people';
}

/** Why one person's records stayed in separate profiles: what differs between the groups. */
function missedMergeCause(run: PipelineRun, groups: number[][]): string {
  const placeholders = new Set(run.silver.identities.placeholders.map((p) => `${p.kind}\u0000${p.value}`));
  const parts: string[] = [];
  for (const kind of IDENTIFIER_KINDS) {
    const sets = groups.map((g) => new Set(g.map((m) => valueOf(run, kind, m)).filter((v): v is string => v !== null)));
    const shared = [...sets[0]].filter((v) => sets.slice(1).every((s) => s.has(v)));
    if (shared.length) {
      const v = shared[0];
      if (!run.params.link.includes(kind)) parts.push(`share ${kind} ${v}, but ${kind} does not link`);
      else if (placeholders.has(`${kind}\u0000${v}`)) parts.push(`share ${kind} ${v}, a blocked placeholder`);
      continue;
    }
    const all = sets.map((s) => [...s].join('/') || 'none');
    if (sets.some((s) => s.size > 0)) parts.push(`${kind} differs (${all.join(' vs ')})`);
  }
  return parts.length ? parts.join('; ') : 'no identifier in common';
}

/** `truth`: the true person of each record (truthOfRecords), shared with the profile view. */
export function identitySummary(run: PipelineRun, previous: IdentitySnapshot | null, truth: readonly string[]): IdentitySummary {
  const { records, identities } = run.silver;
  const n = records.rawRow.length;
  const people = identities.keys.length;

  const sizes = new Map<number, number>();
  for (let p = 0; p < people; p++) {
    const s = identities.membersStart[p + 1] - identities.membersStart[p];
    sizes.set(s, (sizes.get(s) ?? 0) + 1);
  }
  const rules = new Map<string, number>();
  for (const r of identities.matchRule) rules.set(r, (rules.get(r) ?? 0) + 1);

  // False merges: profiles holding records of two or more true people.
  const falseMerges: MergeError[] = [];
  let falseMergeCount = 0;
  for (let p = 0; p < people; p++) {
    const members = Array.from(identities.members.subarray(identities.membersStart[p], identities.membersStart[p + 1]));
    if (new Set(members.map((m) => truth[m])).size < 2) continue;
    falseMergeCount++;
    if (falseMerges.length < MAX_LISTED) {
      falseMerges.push({
        kind: 'false_merge', customerKeys: [identities.keys[p]],
        records: members.map((m) => ({ record: recordName(run, m), customerKey: identities.keys[p], truePerson: truth[m] })),
        cause: falseMergeCause(run, members, truth),
      });
    }
  }
  // Missed merges: true people whose records sit in two or more profiles.
  const byPerson = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const list = byPerson.get(truth[i]);
    if (list) list.push(i);
    else byPerson.set(truth[i], [i]);
  }
  const missedMerges: MergeError[] = [];
  let missedMergeCount = 0;
  for (const members of byPerson.values()) {
    const profiles = [...new Set(members.map((m) => identities.personOf[m]))];
    if (profiles.length < 2) continue;
    missedMergeCount++;
    if (missedMerges.length < MAX_LISTED) {
      const groups = profiles.map((pr) => members.filter((m) => identities.personOf[m] === pr));
      missedMerges.push({
        kind: 'missed_merge', customerKeys: profiles.map((pr) => identities.keys[pr]),
        records: members.map((m) => ({ record: recordName(run, m), customerKey: identities.keys[identities.personOf[m]], truePerson: truth[m] })),
        cause: missedMergeCause(run, groups),
      });
    }
  }
  const bySize = (a: MergeError, b: MergeError) => b.records.length - a.records.length;
  falseMerges.sort(bySize);
  missedMerges.sort(bySize);

  return {
    link: run.params.link,
    placeholderThreshold: run.params.placeholderThreshold,
    records: n,
    profiles: people,
    mergeRatio: people ? n / people : 0,
    clusterSizes: [...sizes].sort((a, b) => a[0] - b[0]).map(([size, profiles]) => ({ size, profiles })),
    recordsByMatchRule: [...rules].sort((a, b) => b[1] - a[1]).map(([rule, records]) => ({ rule, records })),
    placeholders: identities.placeholders.map((p) => ({ kind: p.kind, value: p.value, records: p.records })),
    accuracy: summaryOf(run.quality.accuracy),
    falseMerges, missedMerges, falseMergeCount, missedMergeCount,
    change: previous && previous.dataKey === dataKeyOf(run) && !sameRules(previous, run) ? changeSince(previous, run) : null,
  };
}

function sameRules(prev: IdentitySnapshot, run: PipelineRun): boolean {
  return prev.link.join(',') === run.params.link.join(',') && prev.placeholderThreshold === run.params.placeholderThreshold;
}

function changeSince(prev: IdentitySnapshot, run: PipelineRun): IdentityChange {
  const ids = run.silver.identities;
  const now = Array.from(ids.personOf, (p) => ids.keys[p]);
  const oldKeys = new Set(prev.keyOfRecord);
  const newKeys = new Set(now);
  const sourcesOfNew = new Map<string, Set<string>>();
  const targetsOfOld = new Map<string, Set<string>>();
  for (let i = 0; i < now.length; i++) {
    const o = prev.keyOfRecord[i], k = now[i];
    if (!sourcesOfNew.has(k)) sourcesOfNew.set(k, new Set());
    sourcesOfNew.get(k)!.add(o);
    if (!targetsOfOld.has(o)) targetsOfOld.set(o, new Set());
    targetsOfOld.get(o)!.add(k);
  }
  let merged = 0, split = 0, created = 0, removed = 0, unchanged = 0;
  for (const k of newKeys) {
    if (oldKeys.has(k)) unchanged++;
    else created++;
    if (sourcesOfNew.get(k)!.size > 1) merged++;
  }
  for (const o of oldKeys) {
    if (!newKeys.has(o)) removed++;
    if (targetsOfOld.get(o)!.size > 1) split++;
  }
  return {
    previous: { link: prev.link, placeholderThreshold: prev.placeholderThreshold, profiles: prev.profiles, accuracy: prev.accuracy },
    profilesCreated: created, profilesRemoved: removed, merged, split, unchanged,
  };
}
