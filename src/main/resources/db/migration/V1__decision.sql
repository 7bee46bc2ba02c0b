-- Decision records: one row per non-dryRun evaluation. Request is stored with personal data masked.
-- Rows form a hash chain per writer (chain_id, chain_seq): record_hash = SHA-256(prev_hash | record), so an
-- edited or deleted row breaks the chain (tamper evidence for auditors).
create table decision (
    id              uuid primary key,
    received_at     timestamp with time zone not null,
    request_id      varchar(200),
    request_hash    char(64)     not null,
    region          char(6)      not null,
    as_of           date         not null,
    release_id      varchar(80)  not null,
    outcome         varchar(20)  not null,
    duration_micros bigint       not null,
    request_json    text         not null,
    response_json   text         not null,
    chain_id        uuid         not null,
    chain_seq       bigint       not null,
    prev_hash       char(64),
    record_hash     char(64)     not null
);

-- Idempotency: one decision per caller requestId (rows without one are not constrained).
create unique index decision_request_id on decision (request_id);
create unique index decision_chain on decision (chain_id, chain_seq);
create index decision_received_at on decision (received_at);
