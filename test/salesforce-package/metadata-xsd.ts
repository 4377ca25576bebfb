// Validates force-app's -meta.xml files against the Metadata API schema inside Salesforce's own WSDL
// (vendored in metadata-wsdl/), with libxml2's xmllint: unknown elements, element order, enum values
// and value types, as the Metadata API reads them on deploy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const WSDL_FILE = path.join(__dirname, 'metadata-wsdl/metadata.wsdl');
const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

// Source format keeps targetConfigs as literal XML; the WSDL types it base64 (how it travels in SOAP).
// This is the one element relaxed: its content is not checked by the schema.
const TARGET_CONFIGS_BASE64 = '<xsd:element name="targetConfigs" minOccurs="0" type="xsd:base64Binary"/>';
const TARGET_CONFIGS_ANY =
  '<xsd:element name="targetConfigs" minOccurs="0"><xsd:complexType><xsd:sequence>' +
  '<xsd:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/>' +
  '</xsd:sequence></xsd:complexType></xsd:element>';

export function rootElementOf(xml: string): string {
  const match = /<([A-Za-z]+)\s+xmlns="([^"]+)"/.exec(xml);
  if (!match || match[2] !== METADATA_NS) throw new Error(`root element in ${METADATA_NS} expected`);
  return match[1]!;
}

/** The WSDL's schema as a standalone XSD with one global element per metadata type asked for. */
export function schemaFor(rootTypes: string[], wsdl = readFileSync(WSDL_FILE, 'utf8')): string {
  const start = wsdl.indexOf('<xsd:schema');
  const end = wsdl.indexOf('</xsd:schema>');
  if (start < 0 || end < 0) throw new Error('no xsd:schema in the WSDL');
  let schema = wsdl.slice(start, end);
  schema = schema.replace(
    '<xsd:schema ',
    `<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="${METADATA_NS}" `,
  );
  if (!schema.includes(TARGET_CONFIGS_BASE64))
    throw new Error('LightningComponentBundle.targetConfigs moved');
  schema = schema.replace(TARGET_CONFIGS_BASE64, TARGET_CONFIGS_ANY);
  for (const type of rootTypes) {
    if (!schema.includes(`<xsd:complexType name="${type}">`)) throw new Error(`no metadata type ${type}`);
  }
  const roots = rootTypes.map((type) => `<xsd:element name="${type}" type="tns:${type}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${schema}${roots}\n</xsd:schema>\n`;
}

export type SchemaProblem = { file: string; message: string };

/** Every schema violation in the files, one xmllint run for all of them. */
export function validateAgainstSchema(files: string[]): SchemaProblem[] {
  const roots = [...new Set(files.map((f) => rootElementOf(readFileSync(f, 'utf8'))))].sort();
  const dir = mkdtempSync(path.join(tmpdir(), 'uan-xsd-'));
  const xsd = path.join(dir, 'metadata.xsd');
  writeFileSync(xsd, schemaFor(roots));
  let output: string;
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsd, ...files], { encoding: 'utf8', stdio: 'pipe' });
    return [];
  } catch (error) {
    const failure = error as { status?: number; stderr?: string };
    // xmllint: 3 = a file does not validate; anything else (no xmllint, bad schema) is not a finding
    if (failure.status !== 3) throw error;
    output = failure.stderr ?? '';
  }
  return output
    .split('\n')
    .filter((line) => line.includes('validity error'))
    .map((line) => {
      const file = files.find((f) => line.startsWith(`${f}:`)) ?? '';
      return { file, message: line.slice(file.length + 1).replace(`{${METADATA_NS}}`, '') };
    });
}
