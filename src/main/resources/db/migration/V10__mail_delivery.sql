-- One row per notification (one send-notification instance): its stable Message-ID and what became
-- of its attempts. An attempt is written before the mail is handed to the SMTP server and settled
-- in the same commit that completes the process step; an attempt found unsettled by the next one
-- (its node died or could not commit) may have been delivered: it is counted as uncertain.
-- No address and no text of the mail is kept here.
create table mail_delivery (
    notification_id    varchar(64)  not null primary key,
    message_id         varchar(255) not null,
    state              varchar(16)  not null,
    attempts           integer      not null,
    uncertain_attempts integer      not null,
    last_attempt_at    timestamp    not null,
    accepted_at        timestamp
);
create index mail_delivery_last_attempt on mail_delivery (last_attempt_at);
