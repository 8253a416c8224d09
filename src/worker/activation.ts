// Activation per channel: who is in each audience, which columns leave, and who is left out and why.
import type { PipelineRun } from '../pipeline/run';
import type { ActivationChannel } from './api';

const RULE = (purpose: string, contact: string) =>
  `The latest ${purpose} consent event across all of a person's source records wins (by event time, then event id). ` +
  `Only people whose latest event says "granted"${contact ? ` and who have ${contact}` : ''} are in the audience.`;

export function activationChannels(run: PipelineRun): ActivationChannel[] {
  const c = run.gold.customer360;
  const profile = run.silver.profile;
  const people = c.segment.length;
  const spec = [
    { channel: 'email' as const, purpose: 'email_marketing', state: c.consent[0], contact: (p: number) => profile.email[p] !== null, audience: run.gold.activation.email,
      contactWords: 'a valid email', why: 'The email platform needs the address to send to and our key to report back; nothing else is needed, so nothing else leaves.' },
    { channel: 'sms' as const, purpose: 'sms_marketing', state: c.consent[1], contact: (p: number) => profile.phone[p] !== null, audience: run.gold.activation.sms,
      contactWords: 'a valid phone number', why: 'The SMS gateway needs the E.164 number and our key; names, email and behaviour stay in the warehouse.' },
    { channel: 'ads' as const, purpose: 'personalized_ads', state: c.consent[2], contact: (p: number) => profile.email[p] !== null, audience: run.gold.activation.ads,
      contactWords: 'an email to hash', why: 'Ad platforms match customer lists on a sha256 of the normalised email, so the address itself never leaves; without an email there is nothing to match.' },
  ];
  return spec.map((s) => {
    const excluded = { never_asked: 0, withdrawn: 0, no_contact_point: 0 };
    for (let p = 0; p < people; p++) {
      if (s.state[p] === 2) excluded.never_asked++;
      else if (s.state[p] === 1) excluded.withdrawn++;
      else if (!s.contact(p)) excluded.no_contact_point++;
    }
    return {
      channel: s.channel, path: s.audience.schema.path, purpose: s.purpose, audience: s.audience.rowCount,
      columns: s.audience.schema.columns.map((col) => col.name), columnsWhy: s.why, rule: RULE(s.purpose, s.contactWords), excluded,
    };
  });
}
