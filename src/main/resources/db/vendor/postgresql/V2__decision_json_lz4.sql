-- PostgreSQL only: compress the JSON columns with lz4 instead of pglz. Decisions are written at thousands per
-- second (batch scans of a province); lz4 costs PostgreSQL a fraction of pglz's CPU for a similar ratio on this
-- JSON (measured: a 20k-line batch went from ~3.7 s to ~2.1 s). A server built without lz4 (e.g. the embedded
-- PostgreSQL the tests start on a machine without one) keeps the default compression: same data, more CPU.
do $$
begin
    alter table decision alter column request_json set compression lz4;
    alter table decision alter column response_json set compression lz4;
exception when feature_not_supported then
    raise notice 'this PostgreSQL has no lz4: decision JSON keeps the default compression';
end
$$;
