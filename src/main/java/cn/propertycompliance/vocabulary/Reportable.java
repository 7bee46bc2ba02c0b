package cn.propertycompliance.vocabulary;

/**
 * What a finding can be about ({@code findings.add(drools).about($a)}): an assessment computed in Java from the facts
 * and the tables in force knows its subject, the values a message shows and the table entries it relied on, so the
 * rule does not copy them out one by one.
 */
public interface Reportable {

    /** The finding's subject ({@code member:m-01}, {@code filing:SERVICE_CONTRACT}, {@code vote} …); null: the community. */
    default String subject() {
        return null;
    }

    /** Writes this assessment's details, sources and prescribed actions into the finding being recorded. */
    void report(Report finding);
}
