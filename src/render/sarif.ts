/**
 * `baogao check --format sarif`: SARIF 2.1.0, as read by GitHub code scanning and editors.
 *
 * - one run; `tool.driver` names baogao, its version and every rule (`id`, `shortDescription`,
 *   `helpUri`, `defaultConfiguration.level`);
 * - `columnKind` is `utf16CodeUnits`: columns and `charOffset`/`charLength` count UTF-16 code units of
 *   the decoded text, as the rest of baogao does; `endColumn` is exclusive;
 * - `artifactLocation.uri` is the path relative to the working directory, forward slashes,
 *   percent-encoded (汉字 in file names included); absolute paths become file:// URIs;
 * - levels: error → `error`, warning → `warning`, info → `note`;
 * - `relatedLocations` carry the first occurrence of a repeat or the past report's sentence;
 * - unreadable inputs are `invocations[0].toolExecutionNotifications` (and make
 *   `executionSuccessful` false); the --against summaries are in `runs[0].properties.reuse`.
 */
import { pathToFileURL } from 'node:url';
import type { CheckResult, Place, RuleInfo, Severity } from './finding.js';
import { jsonChunks } from './json.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A SARIF artifact URI for a displayed path. */
export function artifactUri(file: string): string {
  if (file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file) || file.startsWith('\\\\')) return pathToFileURL(file).href;
  return file
    .split(/[\\/]/)
    .map((seg) => (seg === '.' || seg === '..' ? seg : encodeURIComponent(seg)))
    .join('/');
}

function region(place: Place) {
  return {
    startLine: place.start.line,
    startColumn: place.start.column,
    endLine: place.end.line,
    endColumn: place.end.column,
    charOffset: place.start.offset,
    charLength: place.end.offset - place.start.offset,
  };
}

export interface SarifTool {
  name: string;
  version: string;
  informationUri: string;
  rules: RuleInfo[];
}

export function checkSarif(result: CheckResult, tool: SarifTool): unknown {
  const ruleIndex = new Map(tool.rules.map((r, i) => [r.id, i]));
  const results = result.files.flatMap((file) =>
    file.findings.map((f) => {
      const r: Record<string, unknown> = { ruleId: f.ruleId };
      const idx = ruleIndex.get(f.ruleId);
      if (idx !== undefined) r.ruleIndex = idx;
      r.level = LEVEL[f.severity];
      r.message = { text: f.reason };
      r.locations = [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(f.file) },
            region: region(f.place),
          },
        },
      ];
      if (f.related?.length) {
        r.relatedLocations = f.related.map((rel, i) => ({
          id: i + 1,
          physicalLocation: { artifactLocation: { uri: artifactUri(rel.file) }, region: region(rel.place) },
          message: { text: rel.message },
        }));
      }
      return r;
    }),
  );
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: tool.name,
        version: tool.version,
        semanticVersion: tool.version,
        informationUri: tool.informationUri,
        rules: tool.rules.map((r) => ({
          id: r.id,
          shortDescription: { text: r.description },
          helpUri: r.url,
          defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
        })),
      },
    },
    invocations: [
      {
        executionSuccessful: result.unreadable.length === 0,
        toolExecutionNotifications: result.unreadable.map((u) => ({
          level: 'error',
          message: { text: u.message },
          descriptor: { id: u.code },
          locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(u.file) } } }],
        })),
      },
    ],
    columnKind: 'utf16CodeUnits',
    results,
  };
  const reuse = result.files.flatMap((f) => f.reuse.map((r) => ({ file: f.file, against: r.against, share: r.share, sentences: r.sentences })));
  if (reuse.length) run.properties = { reuse };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

export function renderSarif(result: CheckResult, tool: SarifTool): string {
  return JSON.stringify(checkSarif(result, tool), null, 2) + '\n';
}

/** renderSarif's text as pieces, never one string (see jsonChunks). */
export function* renderSarifChunks(result: CheckResult, tool: SarifTool): Generator<string> {
  yield* jsonChunks(checkSarif(result, tool));
  yield '\n';
}
