// Fills {Account.Name}-style merge fields from the opportunity context. The result is plain text:
// the LWC renders it as text, so nothing in a value can become markup. A field the context lacks
// stays visible as [Account.Name] so the rep sees what is missing.
import type { OpportunityContext } from '../opportunities';

const FIELDS: Record<string, (ctx: OpportunityContext) => string | undefined> = {
  'Account.Name': (ctx) => ctx.accountName,
  'Account.Industry': (ctx) => ctx.industry,
  'Opportunity.Name': (ctx) => ctx.name,
  'Opportunity.StageName': (ctx) => ctx.stage,
  'Opportunity.CloseDate': (ctx) => ctx.closeDate,
  'Opportunity.Amount': (ctx) => (ctx.amount === undefined ? undefined : ctx.amount.toLocaleString('en-US')),
};

const PATTERN = /\{([A-Za-z]+\.[A-Za-z]+)\}/g;

export function fillMergeFields(template: string, ctx: OpportunityContext): string {
  return template.replace(PATTERN, (whole, field: string) => {
    const resolve = FIELDS[field];
    if (!resolve) return whole;
    const value = resolve(ctx);
    return value === undefined || value === '' ? `[${field}]` : value;
  });
}

/** Merge fields a template uses that this service does not know. */
export function unknownMergeFields(template: string): string[] {
  return [...template.matchAll(PATTERN)].map((m) => m[1]!).filter((field) => !FIELDS[field]);
}
