package cn.propertycompliance.releases;

/**
 * Where a release stands (api.md): CHECKED (every check passed, awaiting sign-off), REJECTED (a check failed or the
 * reviewer refused it), APPROVED (signed off), ACTIVE (in service), RETIRED (was in service; may be activated again
 * as a rollback).
 */
public enum ReleaseState {
    CHECKED, REJECTED, APPROVED, ACTIVE, RETIRED
}
