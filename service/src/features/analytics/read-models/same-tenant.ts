// Every table is keyed by tenant first, so a join between two of them matches the tenant as well as
// the key: leaving the tenant out would let one tenant's rows meet another's.
import type { JoinBuilder, ReferenceExpression } from 'kysely';

/** Joins on "same tenant, and `key` of the joined row equals `ref`" (both written `alias.column`). */
export function sameTenantRow<DB, TB extends keyof DB>(
  join: JoinBuilder<DB, TB>,
  key: ReferenceExpression<DB, TB> & string,
  ref: ReferenceExpression<DB, TB> & string,
) {
  const tenantOf = (column: string) => `${column.split('.')[0]}.tenant_id` as ReferenceExpression<DB, TB>;
  return join.onRef(tenantOf(key), '=', tenantOf(ref)).onRef(key, '=', ref);
}
