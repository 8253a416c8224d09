// The dbt side of the project: dbt_project.yml, sources, models/schema.yml (from the pipeline's
// schemas), the macros file and the singular tests.
import type { RunParams } from '../../pipeline/params';
import { RAW_SCHEMAS } from '../../pipeline/schema/raw';
import type { ColumnDef } from '../../pipeline/table';
import { CONTRACT_TABLES } from './export-views';
import { DBT_PARAM_MACROS, macroStatements } from './macros';
import { genericTests, SINGULAR_TESTS } from './schema-tests';
import { readCsvCall } from './staging';

const q = (s: string) => JSON.stringify(s);

export function dbtProjectYml(params: RunParams): string {
  return `name: customer_360_lab
version: '1.0.0'
config-version: 2
profile: customer_360_lab
model-paths: ['models']
macro-paths: ['macros']
test-paths: ['tests']

vars:
  now: ${q(params.now)}
  link: [${params.link.map(q).join(', ')}]
  placeholder_threshold: ${params.placeholderThreshold}

# The c360_* DuckDB macros (parameters first) exist before any model runs.
on-run-start:
  - "{{ c360_create_macros() }}"

models:
  customer_360_lab:
    staging: { +materialized: table }
    intermediate: { +materialized: table }
    silver: { +materialized: table }
    gold: { +materialized: table }
    export: { +materialized: view }
`;
}

export function sourcesYml(): string {
  const tables = RAW_SCHEMAS.map((s) => `      - name: ${s.name}
        description: ${q(s.description)}
        meta:
          external_location: ${q(readCsvCall(`raw/${s.name}.csv`, s))}`).join('\n');
  return `version: 2
sources:
  - name: raw
    description: The lab's raw CSV files, read as text exactly as its writer wrote them (dbt-duckdb external sources).
    tables:
${tables}
`;
}

function columnYml(model: string, c: ColumnDef): string {
  const tests = genericTests(model, c).map((t) =>
    t.kind === 'accepted_values' ? `          - accepted_values:\n              values: [${t.values.map(q).join(', ')}]` : `          - ${t.kind}`);
  return `      - name: ${c.name}\n        description: ${q(c.description)}` + (tests.length ? `\n        data_tests:\n${tests.join('\n')}` : '');
}

export function schemaYml(): string {
  const models = CONTRACT_TABLES.map((t) => `  - name: ${t.model}
    description: ${q(`${t.schema.description} Grain: ${t.schema.grain} Written to ${t.schema.path} by export_${t.model}.`)}
    columns:
${t.schema.columns.map((c) => columnYml(t.model, c)).join('\n')}`).join('\n');
  return `version: 2
models:
${models}
`;
}

export function macrosFile(): string {
  const body = [...macroStatements(DBT_PARAM_MACROS), ...macroStatements()].map((s) => s + ';').join('\n');
  return `{# DuckDB macros every model uses; the parameters come from the project's vars. #}
{% macro c360_create_macros() %}
${body}
{% endmacro %}
`;
}

export function singularTestFiles(): { name: string; text: string }[] {
  return SINGULAR_TESTS.map((t) => ({
    name: `${t.name}.sql`,
    text: `-- ${t.description}\n{{ config(severity = '${t.severity}') }}\n${t.sql}\n`,
  }));
}
