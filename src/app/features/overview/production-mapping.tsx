// How each file of this lab maps to a production Customer 360 (CDC, streams, lakehouse, activation).
import { useRun } from '../../shell/run-context';
import { linkProps, useNav } from '../../shell/nav-context';
import type { TableInfo } from '../../../worker/api';

const RAW_SOURCES: Record<string, string> = {
  customers: 'Debezium CDC topics of the three customer tables (turanmart.web.customers, .store.customers, .crm.customers)',
  orders: 'Debezium CDC topic of the orders table (turanmart.oms.orders): c/u/d changes with the log sequence number',
  clickstream: 'Kafka event stream web.clickstream.v1 from the tracking SDK (at-least-once, late events)',
  support_tickets: 'Help-desk webhook stream support.tickets (keyed only by the typed email)',
  campaign_events: 'Email/SMS/ads platform event stream crm.campaign_events',
  consent_events: 'Consent-management platform event stream consent.events',
};

function production(t: TableInfo): string {
  switch (t.layer) {
    case 'raw':
      return RAW_SOURCES[t.name] ?? 'A CDC topic or event stream';
    case 'bronze':
      return 'Landing table: an append-only lakehouse table (Iceberg or Delta) written by a Kafka Connect sink, with ingest metadata';
    case 'silver':
      return t.name === 'quarantine'
        ? 'Dead-letter table of the streaming jobs: rows that broke the contract, with the reason'
        : 'Flink or Spark Structured Streaming job (validate, dedupe, merge CDC, resolve identity) writing a lakehouse table';
    case 'gold':
      return t.name.startsWith('activation_')
        ? 'Audience sync (reverse ETL) to the email, SMS or ad platform — only people with current consent'
        : 'Spark or Flink aggregation job writing a lakehouse serving table, also pushed to a low-latency profile store';
    case 'reports':
      return 'Data-quality monitor (dbt tests, Soda or Great Expectations) feeding SLO alerts';
    case 'truth':
      return 'Not observable in production: the generator’s answer key for measuring identity resolution';
  }
}

export function ProductionMapping() {
  const { summary } = useRun();
  const nav = useNav();
  if (!summary) return null;
  const tables = summary.tables.filter((t) => t.path.endsWith('.csv'));
  return (
    <section aria-labelledby="prod-h" className="prod">
      <h3 id="prod-h">From this lab to production</h3>
      <div className="two-col">
        <div>
          <p>
            Here each stage is a function over in-memory tables and every table is a CSV. In production the same contract runs continuously: Debezium
            captures database changes into Kafka topics, stream processors (Flink, Spark Structured Streaming) clean and join them into lakehouse tables,
            and activation jobs sync consented audiences to marketing platforms.
          </p>
          <h4>Silver profile base vs gold serving mart</h4>
          <p>
            <strong>
              <a {...linkProps(nav, { view: 'layers', table: 'silver/customer_profile_base.csv' })}>customer_profile_base</a>
            </strong>{' '}
            (silver) answers <em>who is this person?</em>: one row per resolved identity, with the surviving name, email, phone and address chosen from the
            merged source records. It is an entity table, reused by every downstream product, and carries no behaviour.
          </p>
          <p>
            <strong>
              <a {...linkProps(nav, { view: 'layers', table: 'gold/customer_360.csv' })}>customer_360</a>
            </strong>{' '}
            (gold) answers <em>what do we know and what may we do?</em>: the same grain, joined with orders, sessions, tickets, campaigns and current
            consent, turned into windowed metrics (<code>revenue_90d</code>), decisions (<code>segment</code>, <code>churn_risk_band</code>) and
            permissions (<code>can_email</code>). It is shaped for serving — one wide row per customer for apps, analysts and audiences.
          </p>
        </div>
        <div className="table-scroll compact">
          <table>
            <caption>Each file of the run and its production counterpart</caption>
            <thead>
              <tr>
                <th scope="col">File in this lab</th>
                <th scope="col">In production</th>
              </tr>
            </thead>
            <tbody>
              {tables.map((t) => (
                <tr key={t.path}>
                  <td>
                    <a {...linkProps(nav, { view: 'layers', table: t.path })}>
                      <code>{t.path}</code>
                    </a>
                  </td>
                  <td>{production(t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
