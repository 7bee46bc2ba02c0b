-- The API client that asked (compliance.security.clients name; '' when the API runs without keys). Platforms see only
-- their own decisions, and a requestId is one platform's: idempotency is per client, so two platforms using the same
-- requestId never answer each other's request.
alter table decision add column client varchar(100) default '' not null;
drop index decision_request_id;
create unique index decision_client_request_id on decision (client, request_id);
