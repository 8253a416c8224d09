// Quality statuses as badges: a shape, a word and a colour, so none depends on colour alone.
export const STATUSES = ['pass', 'warn', 'fail', 'info'] as const;
export type Status = (typeof STATUSES)[number];

const ICONS: Record<Status, string> = { pass: '✓', warn: '!', fail: '✕', info: 'i' };

export const STATUS_MEANING: Record<Status, string> = {
  pass: 'Met its threshold: the data can be served as it is.',
  warn: 'Past the warning threshold, not the error one: serve, and look into it.',
  fail: 'Broke the contract: do not serve the data until it is fixed.',
  info: 'A measurement with no threshold, recorded to explain the run.',
};

export function isStatus(s: string): s is Status {
  return (STATUSES as readonly string[]).includes(s);
}

export function StatusBadge({ status }: { status: string }) {
  const known = isStatus(status);
  return (
    <span className={`badge badge-${known ? status : 'unknown'}`}>
      <span className="badge-icon" aria-hidden="true">
        {known ? ICONS[status] : '?'}
      </span>
      {status}
    </span>
  );
}
