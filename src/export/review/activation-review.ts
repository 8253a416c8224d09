// Activation under current consent: per purpose, who is granted, withdrawn or unknown, who is granted
// but unreachable on the channel, how many the audience file holds, and which fields may leave.
import type { PipelineRun } from '../../pipeline/run';
import type { Table } from '../../pipeline/table';
import { CONSENT_PURPOSES } from '../../pipeline/schema/enums';
import { code, codeList, countShare, mdTable } from './markdown';
import { consentCounts, grantedWithout, type Purpose } from './run-facts';
import { classifiedFields, neverOutsideFields, SAFETY_RULE } from './field-safety';
import { SECTION_HEADINGS } from './headings';

interface Channel {
  readonly channel: string;
  readonly flag: string;
  /** The profile field the channel needs, and what of it is sent. */
  readonly needs: string;
  readonly sent: string;
  readonly contact: (run: PipelineRun) => readonly (string | null)[];
  readonly audience: (run: PipelineRun) => Table;
}

export const CHANNELS: Readonly<Record<Purpose, Channel>> = {
  email_marketing: { channel: 'email', flag: 'can_email', needs: 'email', sent: 'email', contact: (r) => r.silver.profile.email, audience: (r) => r.gold.activation.email },
  sms_marketing: { channel: 'sms', flag: 'can_sms', needs: 'phone', sent: 'phone', contact: (r) => r.silver.profile.phone, audience: (r) => r.gold.activation.sms },
  personalized_ads: { channel: 'ads', flag: 'can_target_ads', needs: 'email', sent: 'email_sha256', contact: (r) => r.silver.profile.email, audience: (r) => r.gold.activation.ads },
};

function consentTable(run: PipelineRun): string[] {
  const profiles = run.gold.customer360.table.rowCount;
  return mdTable(
    ['purpose', 'channel', 'needs', 'granted', 'withdrawn', 'unknown', 'granted without the field', 'audience file (rows)'],
    CONSENT_PURPOSES.map((purpose) => {
      const ch = CHANNELS[purpose];
      const c = consentCounts(run, purpose);
      const audience = ch.audience(run);
      return [
        code(purpose), ch.channel, code(ch.needs), countShare(c.granted, profiles), countShare(c.withdrawn, profiles), countShare(c.unknown, profiles),
        String(grantedWithout(run, purpose, ch.contact(run))), `${code(audience.schema.path)} (${audience.rowCount})`,
      ];
    }),
  );
}

export function activationReview(run: PipelineRun): string[] {
  return [
    SECTION_HEADINGS.activation,
    '',
    `Consent is the state of the latest event per purpose over all of a person's records, re-read every run; counts are over the `
      + `${run.gold.customer360.table.rowCount} profiles. Unknown means never asked: silence is not consent, so unknown is treated like withdrawn.`,
    '',
    ...consentTable(run),
    '',
    `**The rule.** ${SAFETY_RULE}`,
    '',
    ...mdTable(['class', 'customer_360 columns', 'why'], classifiedFields().map((c) => [c.cls, codeList(c.columns), c.why])),
    '',
    `Never in any activation file either: ${codeList(neverOutsideFields())}.`,
    '',
    'The lab\'s audience files are stricter than the rule allows: each holds only `customer_key` and the channel\'s one contact field '
      + `(${CONSENT_PURPOSES.map((p) => code(CHANNELS[p].sent)).join(', ')}), as the data contract requires; segments and metrics choose the audience inside the warehouse.`,
    '',
  ];
}
