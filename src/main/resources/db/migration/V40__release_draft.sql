-- Drafts (issue 13): an officer's working copy of a release, edited in the console before it is submitted. A draft
-- stores only the files that differ from the release it started from; the rest are read from that release.
create table release_draft (
    id              varchar(40)  primary key,
    label           varchar(200) not null,
    base_release_id varchar(80)  not null references rule_release (id),
    created_by      varchar(100) not null,
    created_at      timestamp with time zone not null,
    updated_by      varchar(100) not null,
    updated_at      timestamp with time zone not null,
    state           varchar(16)  not null,     -- OPEN, SUBMITTED
    release_id      varchar(80),               -- the release it became when submitted
    checks_json     text                       -- the last check: problems and every case passed/failed
);
create index release_draft_state on release_draft (state);

create table release_draft_file (
    draft_id varchar(40)  not null references release_draft (id),
    path     varchar(500) not null,
    content  bytea        not null,
    primary key (draft_id, path)
);
