-- PostgreSQL only (H2 has no partial indexes; it is the single-instance default): at most one ACTIVE release, even
-- when two officers activate different releases on two replicas at the same moment with none active yet.
create unique index rule_release_one_active on rule_release (state) where state = 'ACTIVE';
