-- What a line of identity_read is: 'read' (the identity was shown to the reader) or 'written' (the
-- reader may not see the person, wrote their identifiers in a comment or a form's note and was
-- refused: the coordinator's warning), so that the tab can show a warning as one without reading its
-- Japanese text. Lines from before have none: the log is append-only (PostgreSQL refuses an update,
-- V7_1), so ReadLog tells them apart by their via ('task …' and 'page …' were the only reads).
alter table identity_read add column kind varchar(10);
