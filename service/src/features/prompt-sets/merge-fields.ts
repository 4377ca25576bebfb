// Fills {Account.Name}-style merge fields from the opportunity context so the sentence reads as
// if written for this deal: amounts in the org's currency, dates in the user's locale, possessives
// that fit the name. A field can carry a fallback, {Account.Name|your customer}, used when the
// context lacks a value; a prompt that needs a missing field without one is not shown at all, so a
// rep never reads a placeholder. The result is plain text: the LWC renders it as text, so nothing
// in a value can become markup.
import type { OpportunityContext } from '../opportunities';

const DEFAULT_LOCALE = 'en-US';

/** Salesforce writes locales as en_US; Intl wants en-US. An unusable one falls back to the default. */
function localeOf(ctx: OpportunityContext): string {
  if (!ctx.locale) return DEFAULT_LOCALE;
  try {
    return Intl.getCanonicalLocales(ctx.locale.replace(/_/g, '-'))[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function formatAmount(amount: number, ctx: OpportunityContext): string {
  const locale = localeOf(ctx);
  // whole units: a prompt talks about the size of a deal, not its cents
  const whole = { maximumFractionDigits: 0, minimumFractionDigits: 0 };
  if (ctx.currencyIsoCode) {
    try {
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: ctx.currencyIsoCode,
        ...whole,
      }).format(amount);
    } catch {
      // an ISO code Intl does not know: the number alone still reads well
    }
  }
  return new Intl.NumberFormat(locale, whole).format(amount);
}

function formatDate(day: string, ctx: OpportunityContext): string {
  return new Intl.DateTimeFormat(localeOf(ctx), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

const FIELDS: Record<string, (ctx: OpportunityContext) => string | undefined> = {
  'Account.Name': (ctx) => ctx.accountName,
  'Account.Industry': (ctx) => ctx.industry,
  'Opportunity.Name': (ctx) => ctx.name,
  'Opportunity.StageName': (ctx) => ctx.stage,
  'Opportunity.CloseDate': (ctx) =>
    ctx.closeDate === undefined ? undefined : formatDate(ctx.closeDate, ctx),
  'Opportunity.Amount': (ctx) => (ctx.amount === undefined ? undefined : formatAmount(ctx.amount, ctx)),
};

/** The merge fields a prompt can use, for sales ops' editor and docs. */
export const MERGE_FIELDS = Object.keys(FIELDS);

// {Field} or {Field|fallback text}, and an English possessive right after it
const PATTERN = /\{([A-Za-z]+\.[A-Za-z]+)(?:\|([^{}|]*))?\}('s\b)?/g;

interface FieldUse {
  field: string;
  fallback: string | undefined;
}

function uses(template: string): FieldUse[] {
  return [...template.matchAll(PATTERN)].map((m) => ({ field: m[1]!, fallback: m[2]?.trim() || undefined }));
}

function valueOf(field: string, ctx: OpportunityContext): string | undefined {
  const value = FIELDS[field]?.(ctx)?.trim();
  return value ? value : undefined;
}

/** "Acme's", but "Acme Stores'": a name ending in s takes the apostrophe alone. */
function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

const startsSentence = (template: string, offset: number) =>
  /(?:^|[.!?]\s+)$/.test(template.slice(0, offset));

/**
 * The template with its fields filled. A field without a value takes its fallback (capitalised when
 * it opens a sentence); one with neither is left as written — `missingMergeFields` keeps such a
 * prompt off the panel.
 */
export function fillMergeFields(template: string, ctx: OpportunityContext): string {
  return template.replace(
    PATTERN,
    (whole, field: string, fallback: string | undefined, owner: string | undefined, offset: number) => {
      if (!FIELDS[field]) return whole;
      let text = valueOf(field, ctx);
      if (text === undefined) {
        text = fallback?.trim();
        if (!text) return whole;
        if (startsSentence(template, offset)) text = text.charAt(0).toUpperCase() + text.slice(1);
      }
      return owner ? possessive(text) : text;
    },
  );
}

/** Fields the templates need and have no fallback for: without a value, the prompt cannot be shown. */
export function requiredMergeFields(...templates: string[]): string[] {
  const required = templates.flatMap(uses).filter((u) => u.fallback === undefined && FIELDS[u.field]);
  return [...new Set(required.map((u) => u.field))];
}

/** The required fields this context has no value for. */
export function missingMergeFields(ctx: OpportunityContext, ...templates: string[]): string[] {
  return requiredMergeFields(...templates).filter((field) => valueOf(field, ctx) === undefined);
}

/** Merge fields a template uses that this service does not know. */
export function unknownMergeFields(template: string): string[] {
  return uses(template)
    .map((u) => u.field)
    .filter((field) => !FIELDS[field]);
}
