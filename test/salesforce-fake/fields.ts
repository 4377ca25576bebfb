// Field types as the org knows them, and how a written value is judged against them. The package's
// roll-up fields come from their metadata in force-app (read by element name, so the order of the
// elements in the XML does not matter); the standard fields the sync touches are declared here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const PACKAGE_FIELDS_DIR = path.resolve(
  __dirname,
  '../../force-app/main/default/objects/Opportunity/fields',
);

export type FieldType =
  | { kind: 'number'; precision: number; scale: number }
  | { kind: 'date' }
  | { kind: 'datetime' }
  | { kind: 'boolean' }
  | { kind: 'id' }
  | { kind: 'text'; length: number }
  | { kind: 'picklist'; restricted: boolean; values: string[] };

const element = (xml: string, name: string): string | undefined =>
  new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(xml)?.[1];

/** One CustomField's type, from its field-meta.xml. */
export function parseFieldMeta(xml: string): { name: string; type: FieldType } {
  // a picklist's values have fullNames of their own: the field's elements are read outside them
  const valueSet = /<valueSet>([\s\S]*)<\/valueSet>/.exec(xml)?.[1] ?? '';
  const own = xml.replace(/<valueSet>[\s\S]*<\/valueSet>/, '');
  const name = element(own, 'fullName');
  const type = element(own, 'type');
  if (!name || !type) throw new Error('field metadata without fullName or type');
  switch (type) {
    case 'Number':
    case 'Currency':
    case 'Percent':
      return {
        name,
        type: {
          kind: 'number',
          precision: Number(element(own, 'precision') ?? 18),
          scale: Number(element(own, 'scale') ?? 0),
        },
      };
    case 'Date':
      return { name, type: { kind: 'date' } };
    case 'DateTime':
      return { name, type: { kind: 'datetime' } };
    case 'Checkbox':
      return { name, type: { kind: 'boolean' } };
    case 'Text':
    case 'TextArea':
      return { name, type: { kind: 'text', length: Number(element(own, 'length') ?? 255) } };
    case 'Picklist': {
      const values = [...valueSet.matchAll(/<value>[\s\S]*?<fullName>\s*([^<]*?)\s*<\/fullName>/g)].map(
        (m) => m[1]!,
      );
      return {
        name,
        type: { kind: 'picklist', restricted: element(valueSet, 'restricted') === 'true', values },
      };
    }
    default:
      throw new Error(`the fake does not model field type ${type} (${name})`);
  }
}

/** The package's Opportunity fields (UAN_*), as deploying the package creates them. */
export function packageFields(): Map<string, FieldType> {
  const fields = new Map<string, FieldType>();
  for (const file of readdirSync(PACKAGE_FIELDS_DIR)
    .filter((f) => f.endsWith('.field-meta.xml'))
    .sort()) {
    const { name, type } = parseFieldMeta(readFileSync(path.join(PACKAGE_FIELDS_DIR, file), 'utf8'));
    fields.set(name, type);
  }
  return fields;
}

/** A value the org refuses: for the whole request (it cannot be read) or for its record. */
export type Refusal =
  | { scope: 'request'; errorCode: string; message: string }
  | { scope: 'record'; statusCode: string; message: string };

const cannotRead = (value: unknown, as: string): Refusal => ({
  scope: 'request',
  errorCode: 'JSON_PARSER_ERROR',
  message: `Cannot deserialize instance of ${as} from ${typeof value === 'string' ? 'VALUE_STRING' : 'value'} value ${JSON.stringify(value)} or request may be missing a required field`,
});

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Checks one written value against its field's type; undefined when the org accepts it. */
export function refusalOf(field: string, type: FieldType, value: unknown): Refusal | undefined {
  if (value === null) return undefined;
  switch (type.kind) {
    case 'number': {
      const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      if (!Number.isFinite(number) || (typeof value === 'string' && value.trim() === ''))
        return cannotRead(value, 'double');
      const [whole = '', fraction = ''] = Math.abs(number).toString().split('.');
      if (
        /e/i.test(whole) ||
        whole.replace(/^0+/, '').length > type.precision - type.scale ||
        fraction.length > type.scale
      ) {
        return {
          scope: 'record',
          statusCode: 'NUMBER_OUTSIDE_VALID_RANGE',
          message: `${field}: value outside of valid range on numeric field: ${value}`,
        };
      }
      return undefined;
    }
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? undefined : cannotRead(value, 'date');
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? undefined
        : cannotRead(value, 'datetime');
    case 'boolean':
      return typeof value === 'boolean' ? undefined : cannotRead(value, 'boolean');
    case 'id':
      return typeof value === 'string' ? undefined : cannotRead(value, 'id');
    case 'text':
      if (typeof value !== 'string') return cannotRead(value, 'String');
      return value.length > type.length
        ? { scope: 'record', statusCode: 'STRING_TOO_LONG', message: `${field}: data value too large` }
        : undefined;
    case 'picklist':
      if (typeof value !== 'string') return cannotRead(value, 'String');
      return type.restricted && !type.values.includes(value)
        ? {
            scope: 'record',
            statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            message: `${field}: bad value for restricted picklist field: ${value}`,
          }
        : undefined;
  }
}
