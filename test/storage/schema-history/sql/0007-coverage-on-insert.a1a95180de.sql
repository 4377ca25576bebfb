create or replace function analytics_coverage_insert() returns trigger language plpgsql as $fn$ begin insert into analytics_deal_coverage as c (tenant_id, opportunity_id, last_scored_on)
       select tenant_id, opportunity_id, max(occurred_at) from new_rows where overall is not null
       group by tenant_id, opportunity_id order by tenant_id, opportunity_id
       on conflict (tenant_id, opportunity_id)
       do update set last_scored_on = greatest(c.last_scored_on, excluded.last_scored_on);
     return null; end $fn$
