// Analytics say when a tenant's scores come from more than one scorer version: two range probes on
// this index find a note scored by any other version without reading the tenant's notes.
export const statements: readonly string[] = [
  `create index notes_by_scorer_version on notes (tenant_id, scorer_version)`,
];
