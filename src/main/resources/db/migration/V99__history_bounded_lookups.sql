-- Look-ups that read every row there had ever been, found by an audit of what grows with closed
-- cases (issue 21). Each now reads what it asks for:
-- the dashboard's hand-overs of the last six months (seven counts on every refresh);
create index case_hand_over_at on case_hand_over (handed_over_at);
-- the dashboard's open calls for help (closed_at is null), and a call's response and closing,
-- found by its process;
create index call_for_help_closed on call_for_help (closed_at);
create index call_for_help_process on call_for_help (process_instance_id);
-- the supervisors' monthly list of who saw a person's identity (identity_read is append-only and
-- gains a line at every look).
create index identity_read_at on identity_read (read_at);
