create index notes_by_scorer_version on notes (tenant_id, scorer_version)
