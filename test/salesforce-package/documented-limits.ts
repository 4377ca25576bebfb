// Limits Salesforce documents but its Metadata API schema does not carry (the XSD types these as plain
// strings), in one place with the source of each. Lengths count the element's text as deployed, without
// the whitespace around it: keep long texts on one line so indentation does not count against them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { repoRoot } from './apex-source';

const FIELD_REFERENCE = 'https://developer.salesforce.com/docs/atlas.en-us.sfFieldRef.meta/sfFieldRef';
const CUSTOM_FIELD_ATTRIBUTES =
  'https://help.salesforce.com/s/articleView?id=platform.custom_field_attributes.htm';

type LengthLimit = { type: string; path: string; max: number; source: string };

/** Maximum lengths by metadata type (the root element) and element path inside it. */
export const LENGTH_LIMITS: LengthLimit[] = [
  {
    type: 'PermissionSet',
    path: 'description',
    max: 255,
    source: `${FIELD_REFERENCE}/salesforce_field_reference_PermissionSet.htm (Description, 255)`,
  },
  {
    type: 'PermissionSet',
    path: 'label',
    max: 80,
    source: `${FIELD_REFERENCE}/salesforce_field_reference_PermissionSet.htm (Label, 80)`,
  },
  { type: 'CustomField', path: 'label', max: 40, source: `${CUSTOM_FIELD_ATTRIBUTES} (Field Label, 40)` },
  {
    type: 'CustomField',
    path: 'description',
    max: 1000,
    source: `${CUSTOM_FIELD_ATTRIBUTES} (Description, 1,000)`,
  },
  {
    type: 'CustomField',
    path: 'inlineHelpText',
    max: 510,
    source: `${CUSTOM_FIELD_ATTRIBUTES} (Help Text, 510)`,
  },
  {
    type: 'CustomLabels',
    path: 'labels.value',
    max: 1000,
    source:
      'https://help.salesforce.com/s/articleView?id=platform.cl_about.htm (a label value holds up to 1,000 characters)',
  },
  {
    type: 'ReportType',
    path: 'description',
    max: 1000,
    source: `${FIELD_REFERENCE}/salesforce_field_reference_CustomReportType.htm (Description, 1000)`,
  },
  {
    type: 'Report',
    path: 'name',
    max: 40,
    source: `${FIELD_REFERENCE}/salesforce_field_reference_Report.htm (Name, 40)`,
  },
  {
    type: 'Report',
    path: 'description',
    max: 255,
    source: `${FIELD_REFERENCE}/salesforce_field_reference_Report.htm (Description, 255)`,
  },
  {
    type: 'Dashboard',
    path: 'title',
    max: 80,
    source: `${FIELD_REFERENCE}/salesforce_field_reference_Dashboard.htm (Title, 80)`,
  },
  {
    type: 'Dashboard',
    path: 'description',
    max: 255,
    source: `${FIELD_REFERENCE}/salesforce_field_reference_Dashboard.htm (Description, 255)`,
  },
  {
    type: 'ReportFolder',
    path: 'name',
    max: 40,
    source: `${FIELD_REFERENCE}/salesforce_field_reference_Folder.htm (Name, 40)`,
  },
  {
    type: 'DashboardFolder',
    path: 'name',
    max: 40,
    source: `${FIELD_REFERENCE}/salesforce_field_reference_Folder.htm (Name, 40)`,
  },
];

// Tab styles: the names Salesforce's own CLI offers for `sf schema generate tab` (@salesforce/plugin-sobject).
// Salesforce resolves a motif by this exact text, number and name together.
const TAB_STYLE_SOURCE = path.join(
  repoRoot,
  'node_modules/@salesforce/plugin-sobject/lib/commands/schema/generate/tab.js',
);

export function tabStyles(): Set<string> {
  const source = readFileSync(TAB_STYLE_SOURCE, 'utf8');
  const list = /const tabDefs = \[([\s\S]*?)\];/.exec(source)?.[1];
  if (!list) throw new Error(`no tabDefs list in ${TAB_STYLE_SOURCE}`);
  return new Set([...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!.trim()));
}

const parser = new XMLParser({ parseTagValue: false, trimValues: true, ignoreAttributes: true });

function valuesAt(node: unknown, parts: string[]): string[] {
  if (node === undefined || node === null) return [];
  if (Array.isArray(node)) return node.flatMap((n) => valuesAt(n, parts));
  if (parts.length === 0) return typeof node === 'object' ? [] : [String(node)];
  return valuesAt((node as Record<string, unknown>)[parts[0]!], parts.slice(1));
}

/** Every documented limit one metadata file breaks, as sentences. */
export function limitProblems(file: string, xml = readFileSync(file, 'utf8')): string[] {
  const parsed = parser.parse(xml) as Record<string, unknown>;
  const type = Object.keys(parsed).find((k) => k !== '?xml');
  if (!type) return [`${file}: no root element`];
  const root = parsed[type];
  const problems: string[] = [];
  for (const limit of LENGTH_LIMITS.filter((l) => l.type === type)) {
    for (const value of valuesAt(root, limit.path.split('.'))) {
      if (value.length > limit.max) {
        problems.push(
          `${type}.${limit.path} is ${value.length} characters, at most ${limit.max}: ${limit.source}`,
        );
      }
    }
  }
  if (type === 'CustomTab') {
    const styles = tabStyles();
    for (const motif of valuesAt(root, ['motif'])) {
      if (!styles.has(motif)) problems.push(`CustomTab.motif "${motif}" is not a Salesforce tab style`);
    }
  }
  return problems;
}
