package cn.propertycompliance.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A legal source document of {@code policies/}: metadata plus the clause texts the rules rely on. */
public record PolicyDocument(
        String id,
        String title,
        String docNumber,
        String issuer,
        LegalLevel level,
        String jurisdiction,
        LocalDate promulgated,
        LocalDate effective,
        List<LocalDate> revised,
        String validity,
        SourceStatus sourceStatus,
        String source,
        String sourceNote,
        String file,
        Map<String, Clause> clauses) {

    public Optional<Clause> clause(String clauseId) {
        return Optional.ofNullable(clauses.get(clauseId));
    }

    /** How a finding names the document: its 文号 when it has one, else its title. */
    public String citedAs() {
        return docNumber != null && !docNumber.isBlank() ? docNumber : title;
    }

    public Citation cite(Clause clause) {
        return new Citation(citedAs(), title, clause.id(), clause.text());
    }
}
