package cn.propertycompliance.releases;

import cn.propertycompliance.evaluation.CaseRunner;
import cn.propertycompliance.evaluation.EvaluationResult;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.releases.ReleaseRefusal.Kind;
import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.ReleaseBuilder;
import cn.propertycompliance.ruleset.ScenarioCase;
import cn.propertycompliance.ruleset.SourceFile;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafts: an officer starts from the release in service, changes rule, table and case files, and sees after every save
 * what a submission would find — every problem at its {@code file:line} and every scenario case passed or failed;
 * requests can be tried against the draft; submitting hands the files to {@link ReleaseService#submit} (the same
 * checks, sign-off and activation as the release API). A draft stores only the files it changes.
 */
public final class ReleaseDrafts {

    private static final Logger log = LoggerFactory.getLogger(ReleaseDrafts.class);
    /** Paths a draft may write: under rules/ or policies/, plain names, the file types a release reads. */
    private static final Pattern PATH = Pattern.compile("(rules|policies)(/[\\p{L}\\p{N}._()（）\\-]+)+\\.(drl|ya?ml|md|txt)");

    private final DraftStore drafts;
    private final ReleaseStore releases;
    private final ReleaseService service;
    private final ReleaseChecks checks;
    private final CompiledReleases compiled;
    private final ActiveRelease active;
    private final RegionTable regions;
    private final Evaluator evaluator;
    private final TransactionTemplate tx;
    private final long maxFileBytes;

    ReleaseDrafts(DraftStore drafts, ReleaseStore releases, ReleaseService service, ReleaseChecks checks,
                  CompiledReleases compiled, ActiveRelease active, RegionTable regions, Evaluator evaluator,
                  TransactionTemplate tx, long maxFileBytes) {
        this.drafts = drafts;
        this.releases = releases;
        this.service = service;
        this.checks = checks;
        this.compiled = compiled;
        this.active = active;
        this.regions = regions;
        this.evaluator = evaluator;
        this.tx = tx;
        this.maxFileBytes = maxFileBytes;
    }

    /** A new draft of the release this replica serves (recorded at start-up or activated from the database). */
    public ReleaseDraft start(String label, String by) {
        String base = active.current().id();
        if (releases.find(base).isEmpty()) {
            throw new ReleaseRefusal(Kind.WRONG_STATE, "the release in service (" + base + ") is not recorded yet; try again shortly");
        }
        OffsetDateTime now = now();
        String name = label == null || label.isBlank() ? "草案 " + now.toLocalDate() : label.strip();
        if (name.length() > 200) {
            throw new ReleaseRefusal(Kind.INVALID_REQUEST, "label is too long", List.of("label: at most 200 characters"));
        }
        ReleaseDraft draft = new ReleaseDraft(UUID.randomUUID().toString(), name, base, by, now, by, now,
                ReleaseDraft.State.OPEN, null, null);
        drafts.insert(draft);
        log.info("draft {} of release {} started by {}", draft.id(), base, by);
        return draft;
    }

    public ReleaseDraft get(String id) {
        return drafts.find(id).orElseThrow(() -> new ReleaseRefusal(Kind.NOT_FOUND, "no draft " + id));
    }

    public List<ReleaseDraft> list(int limit) {
        return drafts.list(Math.max(1, Math.min(limit, 500)));
    }

    /** Every file of the draft, sorted by path: the base release's with the draft's changes over them. */
    public List<SourceFile> files(String id) {
        ReleaseDraft draft = get(id);
        Map<String, SourceFile> byPath = new TreeMap<>();
        releases.files(draft.baseReleaseId()).forEach(f -> byPath.put(f.path(), f));
        drafts.files(id).forEach(f -> byPath.put(f.path(), f));
        return List.copyOf(byPath.values());
    }

    /** The paths the draft changes or adds. */
    public List<String> changed(String id) {
        return drafts.files(id).stream().map(SourceFile::path).toList();
    }

    /**
     * Saves one file (new or changed; the base release's own content removes the change) and checks the draft.
     * Only an open draft is edited; the path must be a release file's (rules/ or policies/, no dot segments).
     */
    public DraftCheck save(String id, String path, String text, String by) {
        ReleaseDraft draft = requireOpen(id);
        List<String> errors = new ArrayList<>();
        if (path == null || !PATH.matcher(path).matches() || Arrays.asList(path.split("/")).contains("..")) {
            errors.add("path: a file under rules/ or policies/ ending in .drl, .yaml, .yml, .md or .txt, without dot segments");
        }
        byte[] bytes = (text == null ? "" : text.replace("\r\n", "\n")).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxFileBytes) {
            errors.add("content: at most " + maxFileBytes + " bytes (compliance.releases.archive.max-file-bytes)");
        }
        if (!errors.isEmpty()) {
            throw new ReleaseRefusal(Kind.INVALID_REQUEST, "the file cannot be saved", errors);
        }
        SourceFile file = new SourceFile(path, bytes);
        boolean sameAsBase = releases.files(draft.baseReleaseId()).stream()
                .anyMatch(f -> f.path().equals(path) && Arrays.equals(f.bytes(), bytes));
        tx.executeWithoutResult(s -> {
            if (sameAsBase) {
                drafts.removeFile(id, path);
            } else {
                drafts.putFile(id, file);
            }
        });
        return check(id, by);
    }

    /** Runs every check a submission runs on the draft's files and keeps the result with the draft. */
    public DraftCheck check(String id, String by) {
        ReleaseDraft draft = requireOpen(id);
        List<SourceFile> files = files(id);
        long started = System.nanoTime();
        ReleaseChecks.Outcome outcome = checks.run(files, draft.label());
        if (outcome.release() != null) {
            compiled.put(outcome.release()); // "try a request" and the submission use it without compiling again
        }
        DraftCheck check = new DraftCheck(ReleaseBuilder.releaseId(files), outcome.results().problems(),
                caseResults(outcome), (System.nanoTime() - started) / 1_000_000);
        drafts.checked(id, check, by, now());
        return check;
    }

    private static List<DraftCheck.CaseResult> caseResults(ReleaseChecks.Outcome outcome) {
        if (outcome.release() == null) {
            return List.of();
        }
        Map<String, String> failures = outcome.results().cases().failed().stream()
                .collect(Collectors.toMap(f -> f.file() + "\n" + f.name(), CheckResults.FailedCase::message, (a, b) -> a + "; " + b));
        List<DraftCheck.CaseResult> out = new ArrayList<>();
        for (ScenarioCase c : outcome.release().cases()) {
            out.add(new DraftCheck.CaseResult(c.file(), c.line(), c.name(), failures.get(c.file() + "\n" + c.name())));
        }
        return out;
    }

    /** A request (JSON body of POST /api/v1/evaluations) evaluated against the draft; nothing is recorded. */
    public EvaluationResult tryRequest(String id, byte[] body, String by) {
        List<SourceFile> files = files(id);
        String releaseId = ReleaseBuilder.releaseId(files);
        Release release = compiled.kept(releaseId).orElseGet(() -> {
            DraftCheck check = check(id, by); // compiles under the build deadline, as every check does
            if (!check.problems().isEmpty()) {
                throw new ReleaseRefusal(Kind.WRONG_STATE, "the draft does not build; fix its problems first",
                        check.problems().stream().map(Object::toString).toList());
            }
            return compiled.kept(releaseId).orElseThrow();
        });
        return new CaseRunner(release, regions, evaluator).evaluate(body);
    }

    /** Hands the draft's files to the release lifecycle; from here on it is a release (CHECKED or REJECTED). */
    public ReleaseService.Submission submit(String id, String by) {
        ReleaseDraft draft = requireOpen(id);
        List<SourceFile> files = files(id);
        // Built by the last check already: the submission runs the cases and the review report without compiling again.
        Release built = compiled.kept(ReleaseBuilder.releaseId(files)).orElse(null);
        ReleaseService.Submission s = service.submit(files, draft.label(), by, built);
        if (!drafts.submitted(id, s.release().id(), by, now())) {
            throw new ReleaseRefusal(Kind.WRONG_STATE, "draft " + id + " was submitted meanwhile");
        }
        log.info("draft {} submitted by {} as release {} ({})", id, by, s.release().id(), s.release().state());
        return s;
    }

    private ReleaseDraft requireOpen(String id) {
        ReleaseDraft draft = get(id);
        if (!draft.open()) {
            throw new ReleaseRefusal(Kind.WRONG_STATE, "draft " + id + " was submitted as release " + draft.releaseId()
                    + "; start a new draft to change it");
        }
        return draft;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
