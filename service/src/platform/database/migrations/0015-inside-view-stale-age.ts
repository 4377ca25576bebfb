// Each tenant chooses how old an inside-view entry may be before it is marked stale (the account's
// memory fades at different speeds in different markets); twelve months for every existing tenant.
export const statements: readonly string[] = [
  `alter table tenant_settings add column inside_view_stale_months integer not null default 12
      constraint tenant_settings_inside_view_stale_months check (inside_view_stale_months between 1 and 120)`,
];
