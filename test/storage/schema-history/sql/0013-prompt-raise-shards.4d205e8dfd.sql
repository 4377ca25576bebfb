create or replace function analytics_note_prompts_insert() returns trigger language plpgsql as $fn$begin if not exists (select from new_rows) then return null; end if; with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from new_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id) insert into analytics_prompt_raises as a (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, shard, raised, new_to_them, already_addressing, redirected, dismissed)
    select tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3), sum(sign), coalesce(sum(sign) filter (where reaction = 'new_to_them'), 0), coalesce(sum(sign) filter (where reaction = 'already_addressing'), 0), coalesce(sum(sign) filter (where reaction = 'redirected'), 0), coalesce(sum(sign) filter (where reaction = 'dismissed'), 0)
    from changed where prompt_key is not null group by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3) order by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3)
    on conflict (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, shard) do update set raised = a.raised + excluded.raised, new_to_them = a.new_to_them + excluded.new_to_them, already_addressing = a.already_addressing + excluded.already_addressing, redirected = a.redirected + excluded.redirected, dismissed = a.dismissed + excluded.dismissed;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from new_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id) insert into analytics_prompt_author_raises as a (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id, raised, new_to_them, already_addressing, redirected, dismissed)
    select tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id, sum(sign), coalesce(sum(sign) filter (where reaction = 'new_to_them'), 0), coalesce(sum(sign) filter (where reaction = 'already_addressing'), 0), coalesce(sum(sign) filter (where reaction = 'redirected'), 0), coalesce(sum(sign) filter (where reaction = 'dismissed'), 0)
    from changed where prompt_key is not null group by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id order by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id
    on conflict (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id) do update set raised = a.raised + excluded.raised, new_to_them = a.new_to_them + excluded.new_to_them, already_addressing = a.already_addressing + excluded.already_addressing, redirected = a.redirected + excluded.redirected, dismissed = a.dismissed + excluded.dismissed;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from new_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id) insert into analytics_adhoc_texts as a (tenant_id, author_id, note_stage, industry, text, raised)
    select tenant_id, author_id, note_stage, industry, text, sum(sign)
    from changed where prompt_key is null and text is not null group by tenant_id, author_id, note_stage, industry, text order by tenant_id, author_id, note_stage, industry, text
    on conflict (tenant_id, author_id, note_stage, industry, text) do update set raised = a.raised + excluded.raised;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from new_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id)
    insert into analytics_prompt_deals as d (tenant_id, prompt_key, opportunity_id, set_id, version, author_id, raised)
    select tenant_id, prompt_key, opportunity_id, set_id, version, author_id, sum(sign) from changed where prompt_key is not null
    group by tenant_id, prompt_key, opportunity_id, set_id, version, author_id having sum(sign) <> 0 order by tenant_id, prompt_key, opportunity_id, set_id, version, author_id
    on conflict (tenant_id, prompt_key, opportunity_id, set_id, version, author_id) do update set raised = d.raised + excluded.raised;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from new_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id),
    library as (select * from changed where prompt_key is not null),
    delta as (
      select 0 as level, tenant_id, prompt_key, set_id, version, opportunity_id, sum(sign) as delta
        from library group by tenant_id, prompt_key, set_id, version, opportunity_id
      union all
      select 1, tenant_id, prompt_key, set_id, null::int, opportunity_id, sum(sign)
        from library group by tenant_id, prompt_key, set_id, opportunity_id
      union all
      select 2, tenant_id, prompt_key, null::uuid, null::int, opportunity_id, sum(sign)
        from library group by tenant_id, prompt_key, opportunity_id
    ),
    counted as (
      select x.*, (
        select coalesce(sum(d.raised), 0) from analytics_prompt_deals d
        where d.tenant_id = x.tenant_id and d.prompt_key = x.prompt_key
          and d.opportunity_id = x.opportunity_id
          and (x.level = 2 or d.set_id is not distinct from x.set_id)
          and (x.level >= 1 or d.version is not distinct from x.version)
      ) as raised
      from delta x where x.delta <> 0
    ),
    moved as (
      select *, case when raised > 0 and raised - delta <= 0 then 1
                     when raised <= 0 and raised - delta > 0 then -1 else 0 end as sign
      from counted
    )
    insert into analytics_prompt_wins as w (tenant_id, level, prompt_key, set_id, version, industry, closed, won)
    select m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry, sum(m.sign),
      coalesce(sum(m.sign) filter (where o.is_won is true), 0)
    from moved m join opportunities o on o.tenant_id = m.tenant_id and o.id = m.opportunity_id
    where m.sign <> 0 and o.is_closed is true
    group by m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry
    order by m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry
    on conflict (tenant_id, level, prompt_key, set_id, version, industry) do update set closed = w.closed + excluded.closed, won = w.won + excluded.won;
with x as (
    with delta as (
      select tenant_id, note_id, sum(sign) as delta from (select tenant_id, note_id, reaction, 1 as sign from new_rows) c
      where reaction = 'redirected' group by tenant_id, note_id
    ),
    moved as (
      select n.*, (select count(*) from note_prompts r
  where r.tenant_id = n.tenant_id and r.note_id = n.id and r.reaction = 'redirected') as current_count, d.delta from delta d
      join notes n on n.tenant_id = d.tenant_id and n.id = d.note_id
    )
    select tenant_id, author_id, opportunity_stage, opportunity_id, customer_view,
      case when current_count > 0 then 1 else -1 end as sign
    from moved where (current_count > 0) <> (current_count - delta > 0)),
    facts as (
      select x.tenant_id, x.author_id, x.opportunity_stage as note_stage, o.industry,
        trim(substring(x.customer_view from '^[^.!?]+')) as sentence, x.sign
      from x left join opportunities o on o.tenant_id = x.tenant_id and o.id = x.opportunity_id
      where x.customer_view is not null
    )
    insert into analytics_redirected_notes as a (tenant_id, author_id, note_stage, industry, sentence, notes)
    select tenant_id, author_id, note_stage, industry, sentence, sum(sign) from facts group by tenant_id, author_id, note_stage, industry, sentence having sum(sign) <> 0 order by tenant_id, author_id, note_stage, industry, sentence
    on conflict (tenant_id, author_id, note_stage, industry, sentence) do update set notes = a.notes + excluded.notes; return null; end $fn$
-- statement --
create or replace function analytics_note_prompts_delete() returns trigger language plpgsql as $fn$begin if not exists (select from old_rows) then return null; end if; with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from old_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id) insert into analytics_prompt_raises as a (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, shard, raised, new_to_them, already_addressing, redirected, dismissed)
    select tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3), sum(sign), coalesce(sum(sign) filter (where reaction = 'new_to_them'), 0), coalesce(sum(sign) filter (where reaction = 'already_addressing'), 0), coalesce(sum(sign) filter (where reaction = 'redirected'), 0), coalesce(sum(sign) filter (where reaction = 'dismissed'), 0)
    from changed where prompt_key is not null group by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3) order by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3)
    on conflict (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, shard) do update set raised = a.raised + excluded.raised, new_to_them = a.new_to_them + excluded.new_to_them, already_addressing = a.already_addressing + excluded.already_addressing, redirected = a.redirected + excluded.redirected, dismissed = a.dismissed + excluded.dismissed;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from old_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id) insert into analytics_prompt_author_raises as a (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id, raised, new_to_them, already_addressing, redirected, dismissed)
    select tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id, sum(sign), coalesce(sum(sign) filter (where reaction = 'new_to_them'), 0), coalesce(sum(sign) filter (where reaction = 'already_addressing'), 0), coalesce(sum(sign) filter (where reaction = 'redirected'), 0), coalesce(sum(sign) filter (where reaction = 'dismissed'), 0)
    from changed where prompt_key is not null group by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id order by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id
    on conflict (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id) do update set raised = a.raised + excluded.raised, new_to_them = a.new_to_them + excluded.new_to_them, already_addressing = a.already_addressing + excluded.already_addressing, redirected = a.redirected + excluded.redirected, dismissed = a.dismissed + excluded.dismissed;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from old_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id) insert into analytics_adhoc_texts as a (tenant_id, author_id, note_stage, industry, text, raised)
    select tenant_id, author_id, note_stage, industry, text, sum(sign)
    from changed where prompt_key is null and text is not null group by tenant_id, author_id, note_stage, industry, text order by tenant_id, author_id, note_stage, industry, text
    on conflict (tenant_id, author_id, note_stage, industry, text) do update set raised = a.raised + excluded.raised;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from old_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id)
    insert into analytics_prompt_deals as d (tenant_id, prompt_key, opportunity_id, set_id, version, author_id, raised)
    select tenant_id, prompt_key, opportunity_id, set_id, version, author_id, sum(sign) from changed where prompt_key is not null
    group by tenant_id, prompt_key, opportunity_id, set_id, version, author_id having sum(sign) <> 0 order by tenant_id, prompt_key, opportunity_id, set_id, version, author_id
    on conflict (tenant_id, prompt_key, opportunity_id, set_id, version, author_id) do update set raised = d.raised + excluded.raised;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from old_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id),
    library as (select * from changed where prompt_key is not null),
    delta as (
      select 0 as level, tenant_id, prompt_key, set_id, version, opportunity_id, sum(sign) as delta
        from library group by tenant_id, prompt_key, set_id, version, opportunity_id
      union all
      select 1, tenant_id, prompt_key, set_id, null::int, opportunity_id, sum(sign)
        from library group by tenant_id, prompt_key, set_id, opportunity_id
      union all
      select 2, tenant_id, prompt_key, null::uuid, null::int, opportunity_id, sum(sign)
        from library group by tenant_id, prompt_key, opportunity_id
    ),
    counted as (
      select x.*, (
        select coalesce(sum(d.raised), 0) from analytics_prompt_deals d
        where d.tenant_id = x.tenant_id and d.prompt_key = x.prompt_key
          and d.opportunity_id = x.opportunity_id
          and (x.level = 2 or d.set_id is not distinct from x.set_id)
          and (x.level >= 1 or d.version is not distinct from x.version)
      ) as raised
      from delta x where x.delta <> 0
    ),
    moved as (
      select *, case when raised > 0 and raised - delta <= 0 then 1
                     when raised <= 0 and raised - delta > 0 then -1 else 0 end as sign
      from counted
    )
    insert into analytics_prompt_wins as w (tenant_id, level, prompt_key, set_id, version, industry, closed, won)
    select m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry, sum(m.sign),
      coalesce(sum(m.sign) filter (where o.is_won is true), 0)
    from moved m join opportunities o on o.tenant_id = m.tenant_id and o.id = m.opportunity_id
    where m.sign <> 0 and o.is_closed is true
    group by m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry
    order by m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry
    on conflict (tenant_id, level, prompt_key, set_id, version, industry) do update set closed = w.closed + excluded.closed, won = w.won + excluded.won;
with x as (
    with delta as (
      select tenant_id, note_id, sum(sign) as delta from (select tenant_id, note_id, reaction, -1 as sign from old_rows) c
      where reaction = 'redirected' group by tenant_id, note_id
    ),
    moved as (
      select n.*, (select count(*) from note_prompts r
  where r.tenant_id = n.tenant_id and r.note_id = n.id and r.reaction = 'redirected') as current_count, d.delta from delta d
      join notes n on n.tenant_id = d.tenant_id and n.id = d.note_id
    )
    select tenant_id, author_id, opportunity_stage, opportunity_id, customer_view,
      case when current_count > 0 then 1 else -1 end as sign
    from moved where (current_count > 0) <> (current_count - delta > 0)),
    facts as (
      select x.tenant_id, x.author_id, x.opportunity_stage as note_stage, o.industry,
        trim(substring(x.customer_view from '^[^.!?]+')) as sentence, x.sign
      from x left join opportunities o on o.tenant_id = x.tenant_id and o.id = x.opportunity_id
      where x.customer_view is not null
    )
    insert into analytics_redirected_notes as a (tenant_id, author_id, note_stage, industry, sentence, notes)
    select tenant_id, author_id, note_stage, industry, sentence, sum(sign) from facts group by tenant_id, author_id, note_stage, industry, sentence having sum(sign) <> 0 order by tenant_id, author_id, note_stage, industry, sentence
    on conflict (tenant_id, author_id, note_stage, industry, sentence) do update set notes = a.notes + excluded.notes; return null; end $fn$
-- statement --
create or replace function analytics_note_prompts_update() returns trigger language plpgsql as $fn$begin if not exists (select from new_rows) then return null; end if; with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from new_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id union all select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from old_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id) insert into analytics_prompt_raises as a (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, shard, raised, new_to_them, already_addressing, redirected, dismissed)
    select tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3), sum(sign), coalesce(sum(sign) filter (where reaction = 'new_to_them'), 0), coalesce(sum(sign) filter (where reaction = 'already_addressing'), 0), coalesce(sum(sign) filter (where reaction = 'redirected'), 0), coalesce(sum(sign) filter (where reaction = 'dismissed'), 0)
    from changed where prompt_key is not null group by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3) order by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3)
    on conflict (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, shard) do update set raised = a.raised + excluded.raised, new_to_them = a.new_to_them + excluded.new_to_them, already_addressing = a.already_addressing + excluded.already_addressing, redirected = a.redirected + excluded.redirected, dismissed = a.dismissed + excluded.dismissed;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from new_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id union all select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from old_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id) insert into analytics_prompt_author_raises as a (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id, raised, new_to_them, already_addressing, redirected, dismissed)
    select tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id, sum(sign), coalesce(sum(sign) filter (where reaction = 'new_to_them'), 0), coalesce(sum(sign) filter (where reaction = 'already_addressing'), 0), coalesce(sum(sign) filter (where reaction = 'redirected'), 0), coalesce(sum(sign) filter (where reaction = 'dismissed'), 0)
    from changed where prompt_key is not null group by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id order by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id
    on conflict (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id) do update set raised = a.raised + excluded.raised, new_to_them = a.new_to_them + excluded.new_to_them, already_addressing = a.already_addressing + excluded.already_addressing, redirected = a.redirected + excluded.redirected, dismissed = a.dismissed + excluded.dismissed;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from new_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id union all select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from old_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id) insert into analytics_adhoc_texts as a (tenant_id, author_id, note_stage, industry, text, raised)
    select tenant_id, author_id, note_stage, industry, text, sum(sign)
    from changed where prompt_key is null and text is not null group by tenant_id, author_id, note_stage, industry, text order by tenant_id, author_id, note_stage, industry, text
    on conflict (tenant_id, author_id, note_stage, industry, text) do update set raised = a.raised + excluded.raised;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from new_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id union all select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from old_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id)
    insert into analytics_prompt_deals as d (tenant_id, prompt_key, opportunity_id, set_id, version, author_id, raised)
    select tenant_id, prompt_key, opportunity_id, set_id, version, author_id, sum(sign) from changed where prompt_key is not null
    group by tenant_id, prompt_key, opportunity_id, set_id, version, author_id having sum(sign) <> 0 order by tenant_id, prompt_key, opportunity_id, set_id, version, author_id
    on conflict (tenant_id, prompt_key, opportunity_id, set_id, version, author_id) do update set raised = d.raised + excluded.raised;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from new_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id union all select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from old_rows np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id),
    library as (select * from changed where prompt_key is not null),
    delta as (
      select 0 as level, tenant_id, prompt_key, set_id, version, opportunity_id, sum(sign) as delta
        from library group by tenant_id, prompt_key, set_id, version, opportunity_id
      union all
      select 1, tenant_id, prompt_key, set_id, null::int, opportunity_id, sum(sign)
        from library group by tenant_id, prompt_key, set_id, opportunity_id
      union all
      select 2, tenant_id, prompt_key, null::uuid, null::int, opportunity_id, sum(sign)
        from library group by tenant_id, prompt_key, opportunity_id
    ),
    counted as (
      select x.*, (
        select coalesce(sum(d.raised), 0) from analytics_prompt_deals d
        where d.tenant_id = x.tenant_id and d.prompt_key = x.prompt_key
          and d.opportunity_id = x.opportunity_id
          and (x.level = 2 or d.set_id is not distinct from x.set_id)
          and (x.level >= 1 or d.version is not distinct from x.version)
      ) as raised
      from delta x where x.delta <> 0
    ),
    moved as (
      select *, case when raised > 0 and raised - delta <= 0 then 1
                     when raised <= 0 and raised - delta > 0 then -1 else 0 end as sign
      from counted
    )
    insert into analytics_prompt_wins as w (tenant_id, level, prompt_key, set_id, version, industry, closed, won)
    select m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry, sum(m.sign),
      coalesce(sum(m.sign) filter (where o.is_won is true), 0)
    from moved m join opportunities o on o.tenant_id = m.tenant_id and o.id = m.opportunity_id
    where m.sign <> 0 and o.is_closed is true
    group by m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry
    order by m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry
    on conflict (tenant_id, level, prompt_key, set_id, version, industry) do update set closed = w.closed + excluded.closed, won = w.won + excluded.won;
with x as (
    with delta as (
      select tenant_id, note_id, sum(sign) as delta from (select tenant_id, note_id, reaction, 1 as sign from new_rows
    union all select tenant_id, note_id, reaction, -1 from old_rows) c
      where reaction = 'redirected' group by tenant_id, note_id
    ),
    moved as (
      select n.*, (select count(*) from note_prompts r
  where r.tenant_id = n.tenant_id and r.note_id = n.id and r.reaction = 'redirected') as current_count, d.delta from delta d
      join notes n on n.tenant_id = d.tenant_id and n.id = d.note_id
    )
    select tenant_id, author_id, opportunity_stage, opportunity_id, customer_view,
      case when current_count > 0 then 1 else -1 end as sign
    from moved where (current_count > 0) <> (current_count - delta > 0)),
    facts as (
      select x.tenant_id, x.author_id, x.opportunity_stage as note_stage, o.industry,
        trim(substring(x.customer_view from '^[^.!?]+')) as sentence, x.sign
      from x left join opportunities o on o.tenant_id = x.tenant_id and o.id = x.opportunity_id
      where x.customer_view is not null
    )
    insert into analytics_redirected_notes as a (tenant_id, author_id, note_stage, industry, sentence, notes)
    select tenant_id, author_id, note_stage, industry, sentence, sum(sign) from facts group by tenant_id, author_id, note_stage, industry, sentence having sum(sign) <> 0 order by tenant_id, author_id, note_stage, industry, sentence
    on conflict (tenant_id, author_id, note_stage, industry, sentence) do update set notes = a.notes + excluded.notes; return null; end $fn$
-- statement --
create or replace function analytics_prompt_opportunities_insert() returns trigger language plpgsql as $fn$begin if not exists (select from new_rows) then return null; end if; with changed as (with x as (select n.tenant_id, n.id, n.industry, n.stage, n.is_won, n.is_closed, 1 as sign from new_rows n
    union all select n.tenant_id, n.id, null, null, null, null, -1 from new_rows n)
      select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
        n.opportunity_stage as note_stage, x.industry, x.stage as opp_stage, (x.is_won is true) as opp_won, x.sign
      from x
      join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      join note_prompts np on np.tenant_id = n.tenant_id and np.note_id = n.id) insert into analytics_prompt_raises as a (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, shard, raised, new_to_them, already_addressing, redirected, dismissed)
    select tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3), sum(sign), coalesce(sum(sign) filter (where reaction = 'new_to_them'), 0), coalesce(sum(sign) filter (where reaction = 'already_addressing'), 0), coalesce(sum(sign) filter (where reaction = 'redirected'), 0), coalesce(sum(sign) filter (where reaction = 'dismissed'), 0)
    from changed where prompt_key is not null group by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3) order by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3)
    on conflict (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, shard) do update set raised = a.raised + excluded.raised, new_to_them = a.new_to_them + excluded.new_to_them, already_addressing = a.already_addressing + excluded.already_addressing, redirected = a.redirected + excluded.redirected, dismissed = a.dismissed + excluded.dismissed;
with changed as (with x as (select n.tenant_id, n.id, n.industry, n.stage, n.is_won, n.is_closed, 1 as sign from new_rows n
    union all select n.tenant_id, n.id, null, null, null, null, -1 from new_rows n)
      select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
        n.opportunity_stage as note_stage, x.industry, x.stage as opp_stage, (x.is_won is true) as opp_won, x.sign
      from x
      join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      join note_prompts np on np.tenant_id = n.tenant_id and np.note_id = n.id) insert into analytics_prompt_author_raises as a (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id, raised, new_to_them, already_addressing, redirected, dismissed)
    select tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id, sum(sign), coalesce(sum(sign) filter (where reaction = 'new_to_them'), 0), coalesce(sum(sign) filter (where reaction = 'already_addressing'), 0), coalesce(sum(sign) filter (where reaction = 'redirected'), 0), coalesce(sum(sign) filter (where reaction = 'dismissed'), 0)
    from changed where prompt_key is not null group by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id order by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id
    on conflict (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id) do update set raised = a.raised + excluded.raised, new_to_them = a.new_to_them + excluded.new_to_them, already_addressing = a.already_addressing + excluded.already_addressing, redirected = a.redirected + excluded.redirected, dismissed = a.dismissed + excluded.dismissed;
with changed as (with x as (select n.tenant_id, n.id, n.industry, n.stage, n.is_won, n.is_closed, 1 as sign from new_rows n
    union all select n.tenant_id, n.id, null, null, null, null, -1 from new_rows n)
      select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
        n.opportunity_stage as note_stage, x.industry, x.stage as opp_stage, (x.is_won is true) as opp_won, x.sign
      from x
      join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      join note_prompts np on np.tenant_id = n.tenant_id and np.note_id = n.id) insert into analytics_adhoc_texts as a (tenant_id, author_id, note_stage, industry, text, raised)
    select tenant_id, author_id, note_stage, industry, text, sum(sign)
    from changed where prompt_key is null and text is not null group by tenant_id, author_id, note_stage, industry, text order by tenant_id, author_id, note_stage, industry, text
    on conflict (tenant_id, author_id, note_stage, industry, text) do update set raised = a.raised + excluded.raised;
    with x as (select n.tenant_id, n.id, n.industry, n.stage, n.is_won, n.is_closed, 1 as sign from new_rows n
    union all select n.tenant_id, n.id, null, null, null, null, -1 from new_rows n),
    heard as (
      select 0 as level, tenant_id, prompt_key, set_id, version, opportunity_id from analytics_prompt_deals
        where (tenant_id, opportunity_id) in (select tenant_id, id from x)
        group by tenant_id, prompt_key, set_id, version, opportunity_id having sum(raised) > 0
      union all
      select 1, tenant_id, prompt_key, set_id, null::int, opportunity_id from analytics_prompt_deals
        where (tenant_id, opportunity_id) in (select tenant_id, id from x)
        group by tenant_id, prompt_key, set_id, opportunity_id having sum(raised) > 0
      union all
      select 2, tenant_id, prompt_key, null::uuid, null::int, opportunity_id from analytics_prompt_deals
        where (tenant_id, opportunity_id) in (select tenant_id, id from x)
        group by tenant_id, prompt_key, opportunity_id having sum(raised) > 0
    )
    insert into analytics_prompt_wins as w (tenant_id, level, prompt_key, set_id, version, industry, closed, won)
    select h.tenant_id, h.level, h.prompt_key, h.set_id, h.version, x.industry, sum(x.sign),
      coalesce(sum(x.sign) filter (where x.is_won is true), 0)
    from heard h join x on x.tenant_id = h.tenant_id and x.id = h.opportunity_id
    where x.is_closed is true
    group by h.tenant_id, h.level, h.prompt_key, h.set_id, h.version, x.industry
    order by h.tenant_id, h.level, h.prompt_key, h.set_id, h.version, x.industry
    on conflict (tenant_id, level, prompt_key, set_id, version, industry) do update set closed = w.closed + excluded.closed, won = w.won + excluded.won; with x as (select n.tenant_id, n.id, n.industry, n.stage, n.is_won, n.is_closed, 1 as sign from new_rows n
    union all select n.tenant_id, n.id, null, null, null, null, -1 from new_rows n),
    facts as (
      select n.tenant_id, n.author_id, n.opportunity_stage as note_stage, x.industry,
        trim(substring(n.customer_view from '^[^.!?]+')) as sentence, x.sign
      from x join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      where n.customer_view is not null and (select count(*) from note_prompts r
  where r.tenant_id = n.tenant_id and r.note_id = n.id and r.reaction = 'redirected') > 0
    )
    insert into analytics_redirected_notes as a (tenant_id, author_id, note_stage, industry, sentence, notes)
    select tenant_id, author_id, note_stage, industry, sentence, sum(sign) from facts group by tenant_id, author_id, note_stage, industry, sentence having sum(sign) <> 0 order by tenant_id, author_id, note_stage, industry, sentence
    on conflict (tenant_id, author_id, note_stage, industry, sentence) do update set notes = a.notes + excluded.notes; return null; end $fn$
-- statement --
create or replace function analytics_prompt_opportunities_delete() returns trigger language plpgsql as $fn$begin if not exists (select from old_rows) then return null; end if; with changed as (with x as (select o.tenant_id, o.id, o.industry, o.stage, o.is_won, o.is_closed, -1 as sign from old_rows o
    union all select o.tenant_id, o.id, null, null, null, null, 1 from old_rows o)
      select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
        n.opportunity_stage as note_stage, x.industry, x.stage as opp_stage, (x.is_won is true) as opp_won, x.sign
      from x
      join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      join note_prompts np on np.tenant_id = n.tenant_id and np.note_id = n.id) insert into analytics_prompt_raises as a (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, shard, raised, new_to_them, already_addressing, redirected, dismissed)
    select tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3), sum(sign), coalesce(sum(sign) filter (where reaction = 'new_to_them'), 0), coalesce(sum(sign) filter (where reaction = 'already_addressing'), 0), coalesce(sum(sign) filter (where reaction = 'redirected'), 0), coalesce(sum(sign) filter (where reaction = 'dismissed'), 0)
    from changed where prompt_key is not null group by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3) order by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3)
    on conflict (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, shard) do update set raised = a.raised + excluded.raised, new_to_them = a.new_to_them + excluded.new_to_them, already_addressing = a.already_addressing + excluded.already_addressing, redirected = a.redirected + excluded.redirected, dismissed = a.dismissed + excluded.dismissed;
with changed as (with x as (select o.tenant_id, o.id, o.industry, o.stage, o.is_won, o.is_closed, -1 as sign from old_rows o
    union all select o.tenant_id, o.id, null, null, null, null, 1 from old_rows o)
      select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
        n.opportunity_stage as note_stage, x.industry, x.stage as opp_stage, (x.is_won is true) as opp_won, x.sign
      from x
      join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      join note_prompts np on np.tenant_id = n.tenant_id and np.note_id = n.id) insert into analytics_prompt_author_raises as a (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id, raised, new_to_them, already_addressing, redirected, dismissed)
    select tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id, sum(sign), coalesce(sum(sign) filter (where reaction = 'new_to_them'), 0), coalesce(sum(sign) filter (where reaction = 'already_addressing'), 0), coalesce(sum(sign) filter (where reaction = 'redirected'), 0), coalesce(sum(sign) filter (where reaction = 'dismissed'), 0)
    from changed where prompt_key is not null group by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id order by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id
    on conflict (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id) do update set raised = a.raised + excluded.raised, new_to_them = a.new_to_them + excluded.new_to_them, already_addressing = a.already_addressing + excluded.already_addressing, redirected = a.redirected + excluded.redirected, dismissed = a.dismissed + excluded.dismissed;
with changed as (with x as (select o.tenant_id, o.id, o.industry, o.stage, o.is_won, o.is_closed, -1 as sign from old_rows o
    union all select o.tenant_id, o.id, null, null, null, null, 1 from old_rows o)
      select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
        n.opportunity_stage as note_stage, x.industry, x.stage as opp_stage, (x.is_won is true) as opp_won, x.sign
      from x
      join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      join note_prompts np on np.tenant_id = n.tenant_id and np.note_id = n.id) insert into analytics_adhoc_texts as a (tenant_id, author_id, note_stage, industry, text, raised)
    select tenant_id, author_id, note_stage, industry, text, sum(sign)
    from changed where prompt_key is null and text is not null group by tenant_id, author_id, note_stage, industry, text order by tenant_id, author_id, note_stage, industry, text
    on conflict (tenant_id, author_id, note_stage, industry, text) do update set raised = a.raised + excluded.raised;
    with x as (select o.tenant_id, o.id, o.industry, o.stage, o.is_won, o.is_closed, -1 as sign from old_rows o
    union all select o.tenant_id, o.id, null, null, null, null, 1 from old_rows o),
    heard as (
      select 0 as level, tenant_id, prompt_key, set_id, version, opportunity_id from analytics_prompt_deals
        where (tenant_id, opportunity_id) in (select tenant_id, id from x)
        group by tenant_id, prompt_key, set_id, version, opportunity_id having sum(raised) > 0
      union all
      select 1, tenant_id, prompt_key, set_id, null::int, opportunity_id from analytics_prompt_deals
        where (tenant_id, opportunity_id) in (select tenant_id, id from x)
        group by tenant_id, prompt_key, set_id, opportunity_id having sum(raised) > 0
      union all
      select 2, tenant_id, prompt_key, null::uuid, null::int, opportunity_id from analytics_prompt_deals
        where (tenant_id, opportunity_id) in (select tenant_id, id from x)
        group by tenant_id, prompt_key, opportunity_id having sum(raised) > 0
    )
    insert into analytics_prompt_wins as w (tenant_id, level, prompt_key, set_id, version, industry, closed, won)
    select h.tenant_id, h.level, h.prompt_key, h.set_id, h.version, x.industry, sum(x.sign),
      coalesce(sum(x.sign) filter (where x.is_won is true), 0)
    from heard h join x on x.tenant_id = h.tenant_id and x.id = h.opportunity_id
    where x.is_closed is true
    group by h.tenant_id, h.level, h.prompt_key, h.set_id, h.version, x.industry
    order by h.tenant_id, h.level, h.prompt_key, h.set_id, h.version, x.industry
    on conflict (tenant_id, level, prompt_key, set_id, version, industry) do update set closed = w.closed + excluded.closed, won = w.won + excluded.won; with x as (select o.tenant_id, o.id, o.industry, o.stage, o.is_won, o.is_closed, -1 as sign from old_rows o
    union all select o.tenant_id, o.id, null, null, null, null, 1 from old_rows o),
    facts as (
      select n.tenant_id, n.author_id, n.opportunity_stage as note_stage, x.industry,
        trim(substring(n.customer_view from '^[^.!?]+')) as sentence, x.sign
      from x join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      where n.customer_view is not null and (select count(*) from note_prompts r
  where r.tenant_id = n.tenant_id and r.note_id = n.id and r.reaction = 'redirected') > 0
    )
    insert into analytics_redirected_notes as a (tenant_id, author_id, note_stage, industry, sentence, notes)
    select tenant_id, author_id, note_stage, industry, sentence, sum(sign) from facts group by tenant_id, author_id, note_stage, industry, sentence having sum(sign) <> 0 order by tenant_id, author_id, note_stage, industry, sentence
    on conflict (tenant_id, author_id, note_stage, industry, sentence) do update set notes = a.notes + excluded.notes; return null; end $fn$
-- statement --
create or replace function analytics_prompt_opportunities_update() returns trigger language plpgsql as $fn$begin if not exists (select from new_rows) then return null; end if; with changed as (with x as (select o.tenant_id, o.id, o.industry, o.stage, o.is_won, o.is_closed, -1 as sign
      from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.industry, o.stage, o.is_won, o.is_closed) is distinct from (n.industry, n.stage, n.is_won, n.is_closed)
    union all select n.tenant_id, n.id, n.industry, n.stage, n.is_won, n.is_closed, 1
      from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.industry, o.stage, o.is_won, o.is_closed) is distinct from (n.industry, n.stage, n.is_won, n.is_closed))
      select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
        n.opportunity_stage as note_stage, x.industry, x.stage as opp_stage, (x.is_won is true) as opp_won, x.sign
      from x
      join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      join note_prompts np on np.tenant_id = n.tenant_id and np.note_id = n.id) insert into analytics_prompt_raises as a (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, shard, raised, new_to_them, already_addressing, redirected, dismissed)
    select tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3), sum(sign), coalesce(sum(sign) filter (where reaction = 'new_to_them'), 0), coalesce(sum(sign) filter (where reaction = 'already_addressing'), 0), coalesce(sum(sign) filter (where reaction = 'redirected'), 0), coalesce(sum(sign) filter (where reaction = 'dismissed'), 0)
    from changed where prompt_key is not null group by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3) order by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3)
    on conflict (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, shard) do update set raised = a.raised + excluded.raised, new_to_them = a.new_to_them + excluded.new_to_them, already_addressing = a.already_addressing + excluded.already_addressing, redirected = a.redirected + excluded.redirected, dismissed = a.dismissed + excluded.dismissed;
with changed as (with x as (select o.tenant_id, o.id, o.industry, o.stage, o.is_won, o.is_closed, -1 as sign
      from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.industry, o.stage, o.is_won, o.is_closed) is distinct from (n.industry, n.stage, n.is_won, n.is_closed)
    union all select n.tenant_id, n.id, n.industry, n.stage, n.is_won, n.is_closed, 1
      from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.industry, o.stage, o.is_won, o.is_closed) is distinct from (n.industry, n.stage, n.is_won, n.is_closed))
      select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
        n.opportunity_stage as note_stage, x.industry, x.stage as opp_stage, (x.is_won is true) as opp_won, x.sign
      from x
      join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      join note_prompts np on np.tenant_id = n.tenant_id and np.note_id = n.id) insert into analytics_prompt_author_raises as a (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id, raised, new_to_them, already_addressing, redirected, dismissed)
    select tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id, sum(sign), coalesce(sum(sign) filter (where reaction = 'new_to_them'), 0), coalesce(sum(sign) filter (where reaction = 'already_addressing'), 0), coalesce(sum(sign) filter (where reaction = 'redirected'), 0), coalesce(sum(sign) filter (where reaction = 'dismissed'), 0)
    from changed where prompt_key is not null group by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id order by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id
    on conflict (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id) do update set raised = a.raised + excluded.raised, new_to_them = a.new_to_them + excluded.new_to_them, already_addressing = a.already_addressing + excluded.already_addressing, redirected = a.redirected + excluded.redirected, dismissed = a.dismissed + excluded.dismissed;
with changed as (with x as (select o.tenant_id, o.id, o.industry, o.stage, o.is_won, o.is_closed, -1 as sign
      from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.industry, o.stage, o.is_won, o.is_closed) is distinct from (n.industry, n.stage, n.is_won, n.is_closed)
    union all select n.tenant_id, n.id, n.industry, n.stage, n.is_won, n.is_closed, 1
      from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.industry, o.stage, o.is_won, o.is_closed) is distinct from (n.industry, n.stage, n.is_won, n.is_closed))
      select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
        n.opportunity_stage as note_stage, x.industry, x.stage as opp_stage, (x.is_won is true) as opp_won, x.sign
      from x
      join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      join note_prompts np on np.tenant_id = n.tenant_id and np.note_id = n.id) insert into analytics_adhoc_texts as a (tenant_id, author_id, note_stage, industry, text, raised)
    select tenant_id, author_id, note_stage, industry, text, sum(sign)
    from changed where prompt_key is null and text is not null group by tenant_id, author_id, note_stage, industry, text order by tenant_id, author_id, note_stage, industry, text
    on conflict (tenant_id, author_id, note_stage, industry, text) do update set raised = a.raised + excluded.raised;
    with x as (select o.tenant_id, o.id, o.industry, o.stage, o.is_won, o.is_closed, -1 as sign
      from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.industry, o.stage, o.is_won, o.is_closed) is distinct from (n.industry, n.stage, n.is_won, n.is_closed)
    union all select n.tenant_id, n.id, n.industry, n.stage, n.is_won, n.is_closed, 1
      from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.industry, o.stage, o.is_won, o.is_closed) is distinct from (n.industry, n.stage, n.is_won, n.is_closed)),
    heard as (
      select 0 as level, tenant_id, prompt_key, set_id, version, opportunity_id from analytics_prompt_deals
        where (tenant_id, opportunity_id) in (select tenant_id, id from x)
        group by tenant_id, prompt_key, set_id, version, opportunity_id having sum(raised) > 0
      union all
      select 1, tenant_id, prompt_key, set_id, null::int, opportunity_id from analytics_prompt_deals
        where (tenant_id, opportunity_id) in (select tenant_id, id from x)
        group by tenant_id, prompt_key, set_id, opportunity_id having sum(raised) > 0
      union all
      select 2, tenant_id, prompt_key, null::uuid, null::int, opportunity_id from analytics_prompt_deals
        where (tenant_id, opportunity_id) in (select tenant_id, id from x)
        group by tenant_id, prompt_key, opportunity_id having sum(raised) > 0
    )
    insert into analytics_prompt_wins as w (tenant_id, level, prompt_key, set_id, version, industry, closed, won)
    select h.tenant_id, h.level, h.prompt_key, h.set_id, h.version, x.industry, sum(x.sign),
      coalesce(sum(x.sign) filter (where x.is_won is true), 0)
    from heard h join x on x.tenant_id = h.tenant_id and x.id = h.opportunity_id
    where x.is_closed is true
    group by h.tenant_id, h.level, h.prompt_key, h.set_id, h.version, x.industry
    order by h.tenant_id, h.level, h.prompt_key, h.set_id, h.version, x.industry
    on conflict (tenant_id, level, prompt_key, set_id, version, industry) do update set closed = w.closed + excluded.closed, won = w.won + excluded.won; with x as (select o.tenant_id, o.id, o.industry, o.stage, o.is_won, o.is_closed, -1 as sign
      from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.industry, o.stage, o.is_won, o.is_closed) is distinct from (n.industry, n.stage, n.is_won, n.is_closed)
    union all select n.tenant_id, n.id, n.industry, n.stage, n.is_won, n.is_closed, 1
      from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.industry, o.stage, o.is_won, o.is_closed) is distinct from (n.industry, n.stage, n.is_won, n.is_closed)),
    facts as (
      select n.tenant_id, n.author_id, n.opportunity_stage as note_stage, x.industry,
        trim(substring(n.customer_view from '^[^.!?]+')) as sentence, x.sign
      from x join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      where n.customer_view is not null and (select count(*) from note_prompts r
  where r.tenant_id = n.tenant_id and r.note_id = n.id and r.reaction = 'redirected') > 0
    )
    insert into analytics_redirected_notes as a (tenant_id, author_id, note_stage, industry, sentence, notes)
    select tenant_id, author_id, note_stage, industry, sentence, sum(sign) from facts group by tenant_id, author_id, note_stage, industry, sentence having sum(sign) <> 0 order by tenant_id, author_id, note_stage, industry, sentence
    on conflict (tenant_id, author_id, note_stage, industry, sentence) do update set notes = a.notes + excluded.notes; return null; end $fn$
-- statement --
create or replace function analytics_prompt_notes_update() returns trigger language plpgsql as $fn$begin if not exists (select from new_rows) then return null; end if; with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from note_prompts np
    join 
  (select n.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
   where (o.opportunity_id, o.opportunity_stage) is distinct from (n.opportunity_id, n.opportunity_stage)) n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id union all select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from note_prompts np
    join 
  (select o.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
   where (o.opportunity_id, o.opportunity_stage) is distinct from (n.opportunity_id, n.opportunity_stage)) n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id) insert into analytics_prompt_raises as a (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, shard, raised, new_to_them, already_addressing, redirected, dismissed)
    select tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3), sum(sign), coalesce(sum(sign) filter (where reaction = 'new_to_them'), 0), coalesce(sum(sign) filter (where reaction = 'already_addressing'), 0), coalesce(sum(sign) filter (where reaction = 'redirected'), 0), coalesce(sum(sign) filter (where reaction = 'dismissed'), 0)
    from changed where prompt_key is not null group by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3) order by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, (hashtext(author_id) & 3)
    on conflict (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, shard) do update set raised = a.raised + excluded.raised, new_to_them = a.new_to_them + excluded.new_to_them, already_addressing = a.already_addressing + excluded.already_addressing, redirected = a.redirected + excluded.redirected, dismissed = a.dismissed + excluded.dismissed;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from note_prompts np
    join 
  (select n.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
   where (o.opportunity_id, o.opportunity_stage) is distinct from (n.opportunity_id, n.opportunity_stage)) n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id union all select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from note_prompts np
    join 
  (select o.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
   where (o.opportunity_id, o.opportunity_stage) is distinct from (n.opportunity_id, n.opportunity_stage)) n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id) insert into analytics_prompt_author_raises as a (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id, raised, new_to_them, already_addressing, redirected, dismissed)
    select tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id, sum(sign), coalesce(sum(sign) filter (where reaction = 'new_to_them'), 0), coalesce(sum(sign) filter (where reaction = 'already_addressing'), 0), coalesce(sum(sign) filter (where reaction = 'redirected'), 0), coalesce(sum(sign) filter (where reaction = 'dismissed'), 0)
    from changed where prompt_key is not null group by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id order by tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id
    on conflict (tenant_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won, author_id) do update set raised = a.raised + excluded.raised, new_to_them = a.new_to_them + excluded.new_to_them, already_addressing = a.already_addressing + excluded.already_addressing, redirected = a.redirected + excluded.redirected, dismissed = a.dismissed + excluded.dismissed;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from note_prompts np
    join 
  (select n.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
   where (o.opportunity_id, o.opportunity_stage) is distinct from (n.opportunity_id, n.opportunity_stage)) n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id union all select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from note_prompts np
    join 
  (select o.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
   where (o.opportunity_id, o.opportunity_stage) is distinct from (n.opportunity_id, n.opportunity_stage)) n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id) insert into analytics_adhoc_texts as a (tenant_id, author_id, note_stage, industry, text, raised)
    select tenant_id, author_id, note_stage, industry, text, sum(sign)
    from changed where prompt_key is null and text is not null group by tenant_id, author_id, note_stage, industry, text order by tenant_id, author_id, note_stage, industry, text
    on conflict (tenant_id, author_id, note_stage, industry, text) do update set raised = a.raised + excluded.raised;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from note_prompts np
    join 
  (select n.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
   where (o.opportunity_id, o.opportunity_stage) is distinct from (n.opportunity_id, n.opportunity_stage)) n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id union all select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from note_prompts np
    join 
  (select o.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
   where (o.opportunity_id, o.opportunity_stage) is distinct from (n.opportunity_id, n.opportunity_stage)) n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id)
    insert into analytics_prompt_deals as d (tenant_id, prompt_key, opportunity_id, set_id, version, author_id, raised)
    select tenant_id, prompt_key, opportunity_id, set_id, version, author_id, sum(sign) from changed where prompt_key is not null
    group by tenant_id, prompt_key, opportunity_id, set_id, version, author_id having sum(sign) <> 0 order by tenant_id, prompt_key, opportunity_id, set_id, version, author_id
    on conflict (tenant_id, prompt_key, opportunity_id, set_id, version, author_id) do update set raised = d.raised + excluded.raised;
with changed as (select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, 1 as sign
    from note_prompts np
    join 
  (select n.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
   where (o.opportunity_id, o.opportunity_stage) is distinct from (n.opportunity_id, n.opportunity_stage)) n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id union all select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, -1 as sign
    from note_prompts np
    join 
  (select o.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
   where (o.opportunity_id, o.opportunity_stage) is distinct from (n.opportunity_id, n.opportunity_stage)) n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id),
    library as (select * from changed where prompt_key is not null),
    delta as (
      select 0 as level, tenant_id, prompt_key, set_id, version, opportunity_id, sum(sign) as delta
        from library group by tenant_id, prompt_key, set_id, version, opportunity_id
      union all
      select 1, tenant_id, prompt_key, set_id, null::int, opportunity_id, sum(sign)
        from library group by tenant_id, prompt_key, set_id, opportunity_id
      union all
      select 2, tenant_id, prompt_key, null::uuid, null::int, opportunity_id, sum(sign)
        from library group by tenant_id, prompt_key, opportunity_id
    ),
    counted as (
      select x.*, (
        select coalesce(sum(d.raised), 0) from analytics_prompt_deals d
        where d.tenant_id = x.tenant_id and d.prompt_key = x.prompt_key
          and d.opportunity_id = x.opportunity_id
          and (x.level = 2 or d.set_id is not distinct from x.set_id)
          and (x.level >= 1 or d.version is not distinct from x.version)
      ) as raised
      from delta x where x.delta <> 0
    ),
    moved as (
      select *, case when raised > 0 and raised - delta <= 0 then 1
                     when raised <= 0 and raised - delta > 0 then -1 else 0 end as sign
      from counted
    )
    insert into analytics_prompt_wins as w (tenant_id, level, prompt_key, set_id, version, industry, closed, won)
    select m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry, sum(m.sign),
      coalesce(sum(m.sign) filter (where o.is_won is true), 0)
    from moved m join opportunities o on o.tenant_id = m.tenant_id and o.id = m.opportunity_id
    where m.sign <> 0 and o.is_closed is true
    group by m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry
    order by m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry
    on conflict (tenant_id, level, prompt_key, set_id, version, industry) do update set closed = w.closed + excluded.closed, won = w.won + excluded.won; with x as (
  select o.tenant_id, o.author_id, o.opportunity_stage, o.opportunity_id, o.customer_view, -1 as sign
    from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
    where (o.author_id, o.opportunity_stage, o.opportunity_id, o.customer_view)
      is distinct from (n.author_id, n.opportunity_stage, n.opportunity_id, n.customer_view)
      and (select count(*) from note_prompts r
  where r.tenant_id = n.tenant_id and r.note_id = n.id and r.reaction = 'redirected') > 0
  union all
  select n.tenant_id, n.author_id, n.opportunity_stage, n.opportunity_id, n.customer_view, 1
    from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
    where (o.author_id, o.opportunity_stage, o.opportunity_id, o.customer_view)
      is distinct from (n.author_id, n.opportunity_stage, n.opportunity_id, n.customer_view)
      and (select count(*) from note_prompts r
  where r.tenant_id = n.tenant_id and r.note_id = n.id and r.reaction = 'redirected') > 0),
    facts as (
      select x.tenant_id, x.author_id, x.opportunity_stage as note_stage, o.industry,
        trim(substring(x.customer_view from '^[^.!?]+')) as sentence, x.sign
      from x left join opportunities o on o.tenant_id = x.tenant_id and o.id = x.opportunity_id
      where x.customer_view is not null
    )
    insert into analytics_redirected_notes as a (tenant_id, author_id, note_stage, industry, sentence, notes)
    select tenant_id, author_id, note_stage, industry, sentence, sum(sign) from facts group by tenant_id, author_id, note_stage, industry, sentence having sum(sign) <> 0 order by tenant_id, author_id, note_stage, industry, sentence
    on conflict (tenant_id, author_id, note_stage, industry, sentence) do update set notes = a.notes + excluded.notes; return null; end $fn$
