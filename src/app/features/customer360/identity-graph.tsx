// A profile's identity graph: its source records as nodes on a circle, the identifiers they share
// as labelled edges (placeholders dashed: shown, but they link nothing), with the same facts as
// tables for screen readers and for anyone who wants exact values.
import { useId } from 'react';
import type { FieldSource, IdentityEdge, IdentityGraph } from '../../../worker/api';

const W = 720;
const LABEL_MAX = 30;
/** Advance of one character of the monospaced edge labels at 12px. */
const CHAR_W = 7.25;

interface Point {
  x: number;
  y: number;
}

function shorten(s: string, max = LABEL_MAX): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** Node positions on an ellipse, the first at the top (or left, for two), clockwise. */
function layout(n: number, h: number): Point[] {
  const cx = W / 2;
  const cy = h / 2;
  if (n === 1) return [{ x: cx, y: cy }];
  const rx = W / 2 - 175;
  const ry = n === 2 ? 0 : h / 2 - 52;
  const start = n === 2 ? Math.PI : -Math.PI / 2;
  return Array.from({ length: n }, (_, i) => {
    const a = start + (2 * Math.PI * i) / n;
    return { x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a) };
  });
}

function heightFor(n: number): number {
  if (n <= 2) return 150;
  if (n <= 4) return 330;
  if (n <= 6) return 370;
  return Math.min(600, 370 + (n - 6) * 26);
}

/** Records of one true person next to each other on the circle, so a false merge shows as two
 * groups and the identifier that bridges them. Returns the node index at each circle position. */
function circleOrder(graph: IdentityGraph): number[] {
  const people: string[] = [];
  for (const node of graph.nodes) if (!people.includes(node.truePerson)) people.push(node.truePerson);
  return graph.nodes.map((_, i) => i).sort((a, b) => people.indexOf(graph.nodes[a].truePerson) - people.indexOf(graph.nodes[b].truePerson) || a - b);
}

interface DrawnEdge {
  kind: IdentityEdge['kind'];
  value: string;
  blocked: boolean;
  path: string;
  label?: Point;
}

/**
 * One identifier value shared by k records is k(k-1)/2 pairs; drawing every pair turns six
 * records into a hairball. Each value is drawn as a chain through its records in circle order
 * (same colour, same reach), labelled once on its middle link; the edge table lists every pair.
 */
function drawEdges(graph: IdentityGraph, pos: Point[], slot: number[], h: number): DrawnEdge[] {
  const ids = new Map<string, { kind: IdentityEdge['kind']; value: string; blocked: boolean; members: Set<number> }>();
  for (const e of graph.edges) {
    const k = `${e.kind}|${e.value}|${e.blocked}`;
    const g = ids.get(k) ?? { kind: e.kind, value: e.value, blocked: e.blocked, members: new Set<number>() };
    g.members.add(e.from);
    g.members.add(e.to);
    ids.set(k, g);
  }
  const pairUse = new Map<string, number>();
  const out: DrawnEdge[] = [];
  const cx = W / 2;
  const cy = h / 2;
  for (const g of ids.values()) {
    const chain = [...g.members].sort((a, b) => slot[a] - slot[b]);
    const mid = Math.floor((chain.length - 2) / 2);
    for (let i = 0; i + 1 < chain.length; i++) {
      const a = pos[chain[i]];
      const b = pos[chain[i + 1]];
      const pk = `${Math.min(chain[i], chain[i + 1])}-${Math.max(chain[i], chain[i + 1])}`;
      const used = pairUse.get(pk) ?? 0;
      pairUse.set(pk, used + 1);
      // The first link of a pair is straight; further ones bow out, alternately to either side.
      const off = used === 0 ? 0 : Math.ceil(used / 2) * (used % 2 ? 1 : -1) * 30;
      const mx = (a.x + b.x) / 2;
      const my = (a.y + b.y) / 2;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len = Math.hypot(dx, dy) || 1;
      let nx = -dy / len;
      let ny = dx / len;
      // "Positive" bows away from the centre, so the first extra link goes outside the circle.
      if ((mx - cx) * nx + (my - cy) * ny < 0) {
        nx = -nx;
        ny = -ny;
      }
      const qx = mx + nx * off * 2;
      const qy = my + ny * off * 2;
      out.push({
        kind: g.kind,
        value: g.value,
        blocked: g.blocked,
        path: `M ${a.x} ${a.y} Q ${qx} ${qy} ${b.x} ${b.y}`,
        label: i === mid ? { x: 0.25 * a.x + 0.5 * qx + 0.25 * b.x, y: 0.25 * a.y + 0.5 * qy + 0.25 * b.y } : undefined,
      });
    }
  }
  // Blocked edges first, so the links that count are drawn on top.
  return out.sort((x, y) => Number(y.blocked) - Number(x.blocked));
}

/** Edge styles of the graph, as the legend names them. */
const EDGE_LEGEND: readonly (readonly [string, string])[] = [
  ['g-email', 'email'],
  ['g-phone', 'phone'],
  ['g-loyalty', 'loyalty id'],
  ['g-blocked', 'placeholder (blocked, links nothing)'],
];

export function IdentityGraphView({ graph }: { graph: IdentityGraph }) {
  const uid = useId();
  const n = graph.nodes.length;
  const h = heightFor(n);
  const order = circleOrder(graph);
  const slot: number[] = [];
  order.forEach((node, i) => (slot[node] = i));
  const circle = layout(n, h);
  const pos = graph.nodes.map((_, i) => circle[slot[i]]);
  const edges = drawEdges(graph, pos, slot, h);
  const people = [...new Set(graph.nodes.map((x) => x.truePerson))];
  const colourOf = (person: string) => `person-${people.indexOf(person) % 6}`;
  const links = graph.edges.filter((e) => !e.blocked);
  const blocked = graph.edges.filter((e) => e.blocked);
  const kinds = [...new Set(links.map((e) => e.kind))];
  const summary =
    `${n} source record${n === 1 ? '' : 's'}; ${links.length} link${links.length === 1 ? '' : 's'}` +
    (kinds.length ? ` by ${kinds.join(', ')}` : '') +
    (blocked.length ? `; ${blocked.length} placeholder link${blocked.length === 1 ? '' : 's'} blocked` : '') +
    `; ${people.length} true ${people.length === 1 ? 'person' : 'people'}.`;

  return (
    <div className="identity-graph">
      <figure>
        <svg viewBox={`0 0 ${W} ${h}`} role="img" aria-labelledby={`${uid}-t ${uid}-d`} className="graph-svg" style={{ maxHeight: h }}>
          <title id={`${uid}-t`}>Identity graph</title>
          <desc id={`${uid}-d`}>{summary}</desc>
          <g className="graph-edges">
            {edges.map((d, i) => (
              <path key={i} d={d.path} className={`g-edge g-${d.kind}${d.blocked ? ' g-blocked' : ''}`}>
                <title>
                  {d.kind} {d.value}
                  {d.blocked ? ' — placeholder, blocked: links nothing' : ''}
                </title>
              </path>
            ))}
          </g>
          <g className="graph-nodes">
            {graph.nodes.map((node, i) => {
              const p = pos[i];
              const dx = n === 1 ? 0 : p.x - W / 2;
              const dy = n === 1 ? 1 : p.y - h / 2;
              const len = Math.hypot(dx, dy) || 1;
              const ux = dx / len;
              const uy = dy / len;
              const anchor = ux > 0.35 ? 'start' : ux < -0.35 ? 'end' : 'middle';
              const lx = p.x + ux * 18;
              const ly = p.y + uy * 20 + (uy > 0.35 ? 10 : uy < -0.35 ? -12 : 4);
              return (
                <g key={node.record} className={`g-node ${colourOf(node.truePerson)}`}>
                  <circle cx={p.x} cy={p.y} r={11}>
                    <title>
                      {node.record} · match_rule {node.matchRule} · true person {node.truePerson}
                    </title>
                  </circle>
                  <text x={lx} y={ly} textAnchor={anchor} className="g-node-label">
                    {node.record}
                  </text>
                  <text x={lx} y={ly + 15} textAnchor={anchor} className="g-node-sub">
                    {node.matchRule}
                  </text>
                </g>
              );
            })}
          </g>
          <g className="graph-labels">
            {edges.map((d, i) => {
              if (!d.label) return null;
              const text = `${d.kind}: ${shorten(d.value)}${d.blocked ? ' (blocked)' : ''}`;
              // Monospaced, so the backing plate can be sized without measuring.
              const w = text.length * CHAR_W + 10;
              return (
                <g key={i} className={`g-edge-label g-${d.kind}${d.blocked ? ' g-blocked' : ''}`}>
                  <rect x={d.label.x - w / 2} y={d.label.y - 10} width={w} height={20} rx={4} />
                  <text x={d.label.x} y={d.label.y + 4} textAnchor="middle">
                    {text}
                  </text>
                </g>
              );
            })}
          </g>
        </svg>
        <figcaption className="graph-legend">
          {EDGE_LEGEND.map(([edgeClass, label]) => (
            <span className="legend-item" key={edgeClass}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="28" y2="5" className={`g-edge ${edgeClass}`} />
              </svg>
              {label}
            </span>
          ))}
          <span className="legend-item">Node colour: the true person (from truth/person_map.csv). A value shared by 3+ records is drawn as a chain through them.</span>
        </figcaption>
      </figure>
      <p className="note">{summary}</p>
      {people.length > 1 && (
        <p className="graph-warning" role="note">
          <strong>False merge:</strong> these records belong to {people.length} different people in the generator&apos;s truth ({people.join(', ')}), but a
          shared identifier joined them into one profile.
        </p>
      )}
      {n === 1 && <p className="note">A single source record: there was nothing to link it to.</p>}
      <div className="graph-tables">
        <div className="table-scroll compact">
          <table>
            <caption>Source records (graph nodes)</caption>
            <thead>
              <tr>
                <th scope="col">Record</th>
                <th scope="col">System</th>
                <th scope="col">Source id</th>
                <th scope="col">match_rule</th>
                <th scope="col">True person</th>
              </tr>
            </thead>
            <tbody>
              {graph.nodes.map((node) => (
                <tr key={node.record}>
                  <th scope="row">{node.record}</th>
                  <td>{node.system}</td>
                  <td>{node.sourceId}</td>
                  <td>{node.matchRule}</td>
                  <td>
                    <span className={`person-dot ${colourOf(node.truePerson)}`} aria-hidden="true" /> {node.truePerson}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="table-scroll compact">
          <table>
            <caption>Shared identifiers (graph edges)</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Identifier</th>
                <th scope="col">Value</th>
                <th scope="col">Links?</th>
              </tr>
            </thead>
            <tbody>
              {graph.edges.length === 0 ? (
                <tr>
                  <td colSpan={5} className="muted">
                    No identifier is shared.
                  </td>
                </tr>
              ) : (
                graph.edges.map((e, i) => (
                  <tr key={i} className={e.blocked ? 'row-blocked' : undefined}>
                    <td>{graph.nodes[e.from]?.record}</td>
                    <td>{graph.nodes[e.to]?.record}</td>
                    <td>{e.kind}</td>
                    <td className="wrap">{e.value}</td>
                    <td>{e.blocked ? 'no — placeholder, blocked' : 'yes'}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}

/** For each golden field, the member record its value survived from. */
export function ProvenanceTable({ provenance }: { provenance: readonly FieldSource[] }) {
  return (
    <div className="table-scroll compact">
      <table>
        <caption>Where each golden field came from (survivorship: the most recently updated member record that has a value)</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
            <th scope="col">Source record</th>
          </tr>
        </thead>
        <tbody>
          {provenance.map((f) => (
            <tr key={f.field}>
              <th scope="row">
                <code>{f.field}</code>
              </th>
              <td className="wrap">{f.value === '' ? <span className="null">—</span> : f.value}</td>
              <td>{f.record === '' ? <span className="muted">no member record has one</span> : <code>{f.record}</code>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
