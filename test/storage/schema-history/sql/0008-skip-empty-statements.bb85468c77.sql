do $do$
declare
  f record;
begin
  for f in
    select p.proname as name, p.prosrc as source,
      array_agg(distinct coalesce(t.tgnewtable, t.tgoldtable)::text) as tables
    from pg_trigger t join pg_proc p on p.oid = t.tgfoid
    where not t.tgisinternal and (t.tgnewtable is not null or t.tgoldtable is not null)
    group by p.proname, p.prosrc order by p.proname
  loop
    -- a function shared by triggers with different transition tables, or written another way,
    -- would need its own guard: stop rather than guess
    if f.source !~* '^\s*begin\M' or cardinality(f.tables) <> 1 then
      raise exception 'cannot add the empty-statement guard to %() (%): %',
        f.name, array_to_string(f.tables, ', '), left(f.source, 60);
    end if;
    execute format(
      'create or replace function %s() returns trigger language plpgsql as $fn$begin %s %s$fn$',
      f.name,
      format('if not exists (select from %s) then return null; end if;', f.tables[1]),
      regexp_replace(f.source, '^\s*begin\M', '', 'i'));
  end loop;
end
$do$
