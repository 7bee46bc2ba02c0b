package cn.propertycompliance.ruleset;

import cn.propertycompliance.policy.Clause;
import cn.propertycompliance.policy.LegalLevel;
import cn.propertycompliance.policy.PolicyDocument;
import cn.propertycompliance.policy.PolicyLibrary;
import cn.propertycompliance.policy.SourceStatus;
import cn.propertycompliance.region.RegionTable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code policies/*.yaml} (format: policies/README.md) into a {@link PolicyLibrary}, validating as it goes. */
final class PolicyLoader {

    /** The YAML shape of a policy file. */
    record PolicyFile(String id, String title, String docNumber, String issuer, String level, String jurisdiction,
                      LocalDate promulgated, LocalDate effective, List<LocalDate> revised, String validity,
                      SourceStatus sourceStatus, String source, String sourceNote, List<ClauseFile> clauses) {
    }

    record ClauseFile(String id, String text) {
    }

    /** The document's own force (policies/README.md); a free text here would be shown to reviewers unchecked. */
    static final Set<String> VALIDITIES = Set.of("现行有效", "已修改", "已废止", "尚未施行");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String NUMERAL = "[〇零一二三四五六七八九十百千]+";
    /** 条/款/项 as printed: 第十六条, 第十六条第二款, 第九条第（一）项, 第七十三条第一款第（二）项. */
    private static final Pattern ARTICLE_ID = Pattern.compile("第" + NUMERAL + "条(第" + NUMERAL + "款)?(第（" + NUMERAL + "）项)?");
    /** The other README forms: a notice's （十二）, a work point 第4点, an answer 第五部分. */
    private static final Pattern OTHER_ID = Pattern.compile("（" + NUMERAL + "）|第[0-9]+点|第" + NUMERAL + "部分");

    private final RegionTable regions;

    PolicyLoader(RegionTable regions) {
        this.regions = regions;
    }

    PolicyLibrary load(List<SourceFile> files, Problems problems) {
        Map<String, PolicyDocument> documents = new LinkedHashMap<>();
        for (SourceFile file : files) {
            YamlFiles.read(file, PolicyFile.class, problems).ifPresent(doc -> {
                PolicyDocument loaded = validate(file, doc, problems);
                if (loaded == null) {
                    return;
                }
                PolicyDocument previous = documents.putIfAbsent(loaded.id(), loaded);
                if (previous != null) {
                    problems.error(file, file.lineOf("id:"), "document id '" + loaded.id() + "' is already used by " + previous.file());
                }
            });
        }
        return new PolicyLibrary(documents);
    }

    private PolicyDocument validate(SourceFile file, PolicyFile doc, Problems problems) {
        int errorsBefore = problems.errors().size();
        require(file, doc.id(), "id", problems);
        require(file, doc.title(), "title", problems);
        require(file, doc.issuer(), "issuer", problems);
        require(file, doc.source(), "source", problems);
        if (doc.id() != null && !doc.id().isBlank() && !SLUG.matcher(doc.id()).matches()) {
            problems.error(file, fieldLine(file, "id"), "id '" + doc.id() + "' is not an ascii slug (a-z, 0-9, '-')");
        }
        if (doc.effective() == null) {
            problems.error(file, fieldLine(file, "effective"), "document has no effective date (effective:)");
        }
        if (doc.sourceStatus() == null) {
            problems.error(file, fieldLine(file, "sourceStatus"), "sourceStatus is required (OFFICIAL, SECONDARY or PARTIAL)");
        }
        if (doc.validity() != null && !VALIDITIES.contains(doc.validity())) {
            problems.error(file, fieldLine(file, "validity"), "validity must be one of 现行有效, 已修改, 已废止, 尚未施行 but is '"
                    + doc.validity() + "'");
        }
        LegalLevel level = doc.level() == null ? null : LegalLevel.ofChinese(doc.level()).orElse(null);
        if (level == null) {
            problems.error(file, file.lineOf("level:"), "level must be one of 法律, 行政法规, 司法解释, 地方性法规, 部门规章, "
                    + "地方政府规章, 规范性文件, 政策文件 but is '" + doc.level() + "'");
        }
        if (doc.jurisdiction() == null || !regions.isJurisdiction(doc.jurisdiction())) {
            problems.error(file, file.lineOf("jurisdiction:"), "jurisdiction '" + doc.jurisdiction() + "' is not a GB/T 2260 code");
        }
        Map<String, Clause> clauses = new LinkedHashMap<>();
        if (doc.clauses() == null || doc.clauses().isEmpty()) {
            problems.error(file, 1, "document has no clauses");
        } else {
            for (ClauseFile c : doc.clauses()) {
                int line = file.lineOf("id: " + c.id());
                if (c.id() == null || c.id().isBlank() || c.text() == null || c.text().isBlank()) {
                    problems.error(file, line, "a clause needs both id and text");
                } else if (!wellFormed(c.id())) {
                    problems.error(file, line, "clause id '" + c.id() + "' is not addressed as policies/README.md says "
                            + "(第十六条, 第十六条第二款, 第九条第（一）项, 第七十三条第一款第（二）项, （十二）, 第4点, 第五部分)");
                } else if (clauses.putIfAbsent(c.id(), new Clause(c.id(), c.text().strip(), line)) != null) {
                    problems.error(file, line, "clause id '" + c.id() + "' appears twice");
                }
            }
        }
        if (problems.errors().size() > errorsBefore) {
            return null;
        }
        return new PolicyDocument(doc.id(), doc.title(), doc.docNumber(), doc.issuer(), level, doc.jurisdiction(),
                doc.promulgated(), doc.effective(), doc.revised() == null ? List.of() : List.copyOf(doc.revised()),
                doc.validity(), doc.sourceStatus(), doc.source(), doc.sourceNote(), file.path(), clauses);
    }

    private static void require(SourceFile file, String value, String field, Problems problems) {
        if (value == null || value.isBlank()) {
            problems.error(file, fieldLine(file, field), field + " is required");
        }
    }

    /**
     * An id that looks like an article reference must be one exactly (no Arabic numerals, 款 before 项, full-width
     * brackets), so a citation resolves the way a reader expects. A label in none of the README forms (e.g. a whole
     * answer, 答复) is accepted: the reviewer sees it as written.
     */
    static boolean wellFormed(String clauseId) {
        boolean articleLike = clauseId.startsWith("第") && (clauseId.contains("条") || clauseId.contains("款") || clauseId.contains("项"));
        if (articleLike) {
            return ARTICLE_ID.matcher(clauseId).matches();
        }
        boolean numberedLike = clauseId.startsWith("（") || clauseId.startsWith("(") || clauseId.endsWith("点") || clauseId.endsWith("部分");
        return !numberedLike || OTHER_ID.matcher(clauseId).matches();
    }

    /** 1-based line of a top-level field ({@code name:} at the start of a line), or 1 when the field is absent. */
    private static int fieldLine(SourceFile file, String field) {
        String[] lines = file.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(field + ":")) {
                return i + 1;
            }
        }
        return 1;
    }
}
