package cn.propertycompliance.review;

import java.util.Comparator;
import java.util.List;

/**
 * The paths of the paged review report under {@code /review}, and where each anchor of the report lives among them,
 * so a link from one page (a rule's case, a clause's rule) leads to the page that holds its target.
 */
public final class ReviewPages {

    public static final String ATTENTION = "attention";
    public static final String CONFLICTS = "conflicts";
    public static final String COVERAGE = "coverage";
    /** Section 5: where and when the encoded law reaches (jurisdiction coverage spans and gaps). */
    public static final String LAW_COVERAGE = "law-coverage";
    public static final String RULES = "rules";
    public static final String CASES = "cases";
    public static final String NOTES = "notes";
    static final String BASE = "/review";
    /** A table cell lists this many cases at most on a page, then links to the cases appendix. */
    static final int MAX_LISTED = 8;

    private ReviewPages() {
    }

    public static String document(String documentId) {
        return "documents/" + documentId;
    }

    /**
     * Resolves anchors to page URLs under {@code base} ({@code /review} for the release in service; the console serves a
     * candidate's report under its own path); document ids are needed because clause anchors embed them.
     */
    record Links(String base, List<String> documentIds) {

        Links {
            // longest first, so "a-b" wins over "a" when a clause anchor starts with both
            documentIds = documentIds.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }

        HtmlWriter writer(String title) {
            return new HtmlWriter(title, this::href, MAX_LISTED);
        }

        String href(String anchor) {
            // section one is the documents themselves: the summary's list of documents leads to them
            return anchor.equals("s1") ? base + "#contents" : base + page(anchor) + "#" + anchor;
        }

        private String page(String anchor) {
            if (anchor.equals("s2") || anchor.startsWith("s2-")) {
                return "/" + ATTENTION;
            }
            if (anchor.equals("s3") || anchor.startsWith("s3-")) {
                return "/" + CONFLICTS;
            }
            if (anchor.equals("s4") || anchor.startsWith("s4-")) {
                return "/" + COVERAGE;
            }
            if (anchor.equals("s5") || anchor.startsWith("s5-")) {
                return "/" + LAW_COVERAGE;
            }
            if (anchor.equals("appendix-rules") || anchor.startsWith("rule-")) {
                return "/" + RULES;
            }
            if (anchor.equals("appendix-cases") || anchor.startsWith("case-")) {
                return "/" + CASES;
            }
            if (anchor.equals("appendix-warnings")) {
                return "/" + NOTES;
            }
            for (String id : documentIds) {
                if (anchor.equals(Anchors.document(id)) || anchor.startsWith("clause-" + id + "-")) {
                    return "/" + document(id);
                }
            }
            return ""; // the summary page: top, contents, s1
        }
    }
}
