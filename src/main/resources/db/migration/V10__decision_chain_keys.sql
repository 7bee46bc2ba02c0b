-- Keyed chain (issue 15). record_hash becomes HMAC-SHA-256 under the key named in key_id, over the record's content
-- and the previous record's hash; rows written before keys existed keep key_id null and their plain SHA-256.
alter table decision add column key_id varchar(40);

-- The signed head of each writer's chain, rewritten in the same transaction as every group commit: deleting the
-- newest records leaves the head pointing past them. mac = HMAC over (kind, chain, seq, hash, count, time, key id).
create table decision_chain_head (
    chain_id     uuid primary key,
    chain_seq    bigint                   not null,
    head_hash    char(64),
    record_count bigint                   not null,
    signed_at    timestamp with time zone not null,
    key_id       varchar(40)              not null,
    mac          char(64)                 not null,
    writer       varchar(200)             not null
);

-- Periodic signed checkpoints, kept: anchors for verifying a period, and a record a head rollback must contradict.
create table decision_checkpoint (
    chain_id     uuid                     not null,
    chain_seq    bigint                   not null,
    head_hash    char(64)                 not null,
    record_count bigint                   not null,
    signed_at    timestamp with time zone not null,
    key_id       varchar(40)              not null,
    mac          char(64)                 not null,
    primary key (chain_id, chain_seq)
);
