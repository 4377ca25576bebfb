create function analytics_key_text(value text) returns text
    language sql immutable parallel safe as $$
      select case when octet_length(value) <= 600 then value
        else left(value, 140) || '…' || md5(value) end
    $$
-- statement --
create function analytics_bound_keys() returns trigger language plpgsql as $$
    declare
      changes jsonb := '{}';
      col text;
    begin
      if octet_length(new::text) <= 600 then
        return new;
      end if;
      foreach col in array tg_argv loop
        changes := changes || jsonb_build_object(col, analytics_key_text(to_jsonb(new) ->> col));
      end loop;
      return jsonb_populate_record(new, changes);
    end $$
-- statement --
update analytics_prompt_raises set note_stage = analytics_key_text(note_stage), industry = analytics_key_text(industry), opp_stage = analytics_key_text(opp_stage) where octet_length(note_stage) > 600 or octet_length(industry) > 600 or octet_length(opp_stage) > 600
-- statement --
create trigger analytics_prompt_raises_bound_keys before insert on analytics_prompt_raises
    for each row execute function analytics_bound_keys('note_stage', 'industry', 'opp_stage')
-- statement --
update analytics_prompt_author_raises set note_stage = analytics_key_text(note_stage), industry = analytics_key_text(industry), opp_stage = analytics_key_text(opp_stage) where octet_length(note_stage) > 600 or octet_length(industry) > 600 or octet_length(opp_stage) > 600
-- statement --
create trigger analytics_prompt_author_raises_bound_keys before insert on analytics_prompt_author_raises
    for each row execute function analytics_bound_keys('note_stage', 'industry', 'opp_stage')
-- statement --
update analytics_adhoc_texts set note_stage = analytics_key_text(note_stage), industry = analytics_key_text(industry), text = analytics_key_text(text) where octet_length(note_stage) > 600 or octet_length(industry) > 600 or octet_length(text) > 600
-- statement --
create trigger analytics_adhoc_texts_bound_keys before insert on analytics_adhoc_texts
    for each row execute function analytics_bound_keys('note_stage', 'industry', 'text')
-- statement --
update analytics_redirected_notes set note_stage = analytics_key_text(note_stage), industry = analytics_key_text(industry), sentence = analytics_key_text(sentence) where octet_length(note_stage) > 600 or octet_length(industry) > 600 or octet_length(sentence) > 600
-- statement --
create trigger analytics_redirected_notes_bound_keys before insert on analytics_redirected_notes
    for each row execute function analytics_bound_keys('note_stage', 'industry', 'sentence')
-- statement --
update analytics_prompt_wins set industry = analytics_key_text(industry) where octet_length(industry) > 600
-- statement --
create trigger analytics_prompt_wins_bound_keys before insert on analytics_prompt_wins
    for each row execute function analytics_bound_keys('industry')
