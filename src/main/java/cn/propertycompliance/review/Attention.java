package cn.propertycompliance.review;

import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.policy.PolicyDocument;
import java.util.List;

/**
 * Section 2, what the reviewer must look at: clauses nothing encodes, values that are not (yet) official, sources
 * read only in secondary copies, incomplete document metadata, citations that do not fit in time or place, and
 * cases that fail.
 */
public record Attention(
        List<ClauseTrace> gaps,
        List<ParameterEntry> pending,
        List<ParameterEntry> interpretations,
        List<ParameterEntry> secondaryValues,
        List<PolicyDocument> secondaryDocuments,
        List<MetadataGap> metadataGaps,
        List<CitationCheck> citationChecks,
        List<CaseRun> failingCases) {

    /** A cited document whose 文号, 公布日期 or 效力状态 is not recorded (its sourceNote usually says why). */
    public record MetadataGap(PolicyDocument document, List<String> missing) {
    }

    /** A rule or parameter value whose citation does not fit: cites a text not yet in force, repealed, or of another place. */
    public record CitationCheck(String subject, String where, String ref, String problem) {
    }
}
