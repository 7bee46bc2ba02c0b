package cn.propertycompliance;

/** Who calls the service (product.md's three kinds of users), as granted to an API client. */
public enum Role {
    /** A platform that posts facts for compliance checks and reads its decisions back. */
    PLATFORM,
    /** A policy officer (政策制定/维护) who edits rules and reads the catalogue and review report. */
    OFFICER,
    /** A legal reviewer (法制审核) who reads the catalogue, the review report and recorded decisions, and verifies them. */
    REVIEWER,
    /** Operations: health details (database, disk, release) and metrics (Prometheus). */
    OPERATOR
}
