-- The read log answers a person's disclosure request (APPI): nobody may change or remove a line.
create function identity_read_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'identity_read is append-only';
end;
$$;
create trigger identity_read_no_change before update or delete on identity_read
    for each row execute function identity_read_append_only();
