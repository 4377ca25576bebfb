// Deal-size bands per tenant: where a small deal ends and a large one starts, in the org's currency.
// Null keeps the product's defaults, so existing tenants need no backfill.
export const statements: readonly string[] = [`alter table tenant_settings add column amount_bands jsonb`];
