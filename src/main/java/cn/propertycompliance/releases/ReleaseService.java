package cn.propertycompliance.releases;

import cn.propertycompliance.releases.ReleaseRefusal.Kind;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.ReleaseBuilder;
import cn.propertycompliance.ruleset.SourceFile;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The release lifecycle: submit (every check, stored with its files) → sign-off by a second client (signed manifest)
 * → activation (verified, then every replica loads it from the database). Each state change is an audit row.
 */
public class ReleaseService {

    private static final Logger log = LoggerFactory.getLogger(ReleaseService.class);

    /** A submission's answer: the release (new or the existing one with the same content) and its diff to the active one. */
    public record Submission(StoredRelease release, boolean created, ReleaseDiff diff) {
    }

    private final ReleaseStore store;
    private final TransactionTemplate tx;
    private final ReleaseChecks checks;
    private final CompiledReleases compiled;
    private final ReleaseSigner signer;
    private final ReleaseArchive archive;
    private final ReleaseDiffs diffs;
    private final ReplicaFollower follower;
    private final ImpactReplay impact;
    private final boolean developmentMode;
    private final Path rulesDir;
    private final Path policiesDir;

    public ReleaseService(ReleaseStore store, TransactionTemplate tx, ReleaseChecks checks, CompiledReleases compiled,
                          ReleaseSigner signer, ReleaseArchive archive, ReleaseDiffs diffs, ReplicaFollower follower,
                          ImpactReplay impact, boolean developmentMode, Path rulesDir, Path policiesDir) {
        this.store = store;
        this.tx = tx;
        this.checks = checks;
        this.compiled = compiled;
        this.signer = signer;
        this.archive = archive;
        this.diffs = diffs;
        this.follower = follower;
        this.impact = impact;
        this.developmentMode = developmentMode;
        this.rulesDir = rulesDir;
        this.policiesDir = policiesDir;
    }

    public boolean developmentMode() {
        return developmentMode;
    }

    public Submission submitArchive(byte[] body, String label, String by) {
        return submit(archive.read(body), label, by);
    }

    public Submission submitFolders(String label, String by) {
        return submit(ReleaseBuilder.files(rulesDir, policiesDir), label, by);
    }

    /**
     * Checks and stores a candidate. The same content as a stored release (whatever the label) is that release:
     * nothing is checked or stored again.
     */
    public Submission submit(List<SourceFile> files, String label, String by) {
        return submit(files, label, by, null);
    }

    /** A submission whose files a check has built already ({@code built}: their release, or null to build them). */
    Submission submit(List<SourceFile> files, String label, String by, Release built) {
        String id = ReleaseBuilder.releaseId(files);
        Optional<StoredRelease> existing = store.find(id);
        if (existing.isPresent()) {
            return new Submission(existing.get(), false, diffAgainstActive(id));
        }
        String name = label == null || label.isBlank() ? "dev-" + id.substring(7, 19) : label.strip();
        ReleaseChecks.Outcome outcome = built != null ? checks.run(built) : checks.run(files, name);
        if (outcome.release() != null) {
            compiled.put(outcome.release());
        }
        ReleaseState state = outcome.results().passed() ? ReleaseState.CHECKED : ReleaseState.REJECTED;
        OffsetDateTime now = now();
        StoredRelease release = new StoredRelease(id, name, state, by, now, outcome.results(), outcome.reviewReportSha256(),
                null, null, null, null, null, null, null);
        try {
            tx.executeWithoutResult(s -> {
                store.insert(release, files);
                store.event(new ReleaseEvent(id, now, by, "SUBMITTED", null, state, outcome.results().passed() ? null
                        : outcome.results().problems().size() + " problem(s), " + outcome.results().cases().failed().size()
                        + " failing case(s)"));
            });
        } catch (DuplicateKeyException raced) {
            return new Submission(store.find(id).orElseThrow(), false, diffAgainstActive(id));
        }
        log.info("release {} ({}) submitted by {}: {}", id, name, who(by), state);
        return new Submission(release, true, diffAgainstActive(id));
    }

    private ReleaseDiff diffAgainstActive(String id) {
        return store.active().filter(a -> !a.id().equals(id)).map(a -> diffs.diff(id, a.id())).orElse(null);
    }

    public StoredRelease get(String id) {
        return store.find(id).orElseThrow(() -> new ReleaseRefusal(Kind.NOT_FOUND, "no release " + id));
    }

    public List<StoredRelease> list(int limit) {
        return store.list(Math.max(1, Math.min(limit, 1000)));
    }

    public List<ReleaseEvent> history(String id) {
        return store.events(id);
    }

    /** The release {@code against} names: a release id, or {@code active}. */
    public StoredRelease resolve(String against) {
        if ("active".equals(against)) {
            return store.active().orElseThrow(() -> new ReleaseRefusal(Kind.NOT_FOUND, "no release is active"));
        }
        return get(against);
    }

    public ReleaseDiff diff(String id, String against) {
        return diffs.diff(get(id).id(), resolve(against).id());
    }

    /** Recorded decisions replayed through the release: the verdicts it would change. Writes nothing. */
    public ImpactReport impact(String id, ImpactReplay.Query query) {
        StoredRelease r = get(id);
        if (!r.checks().problems().isEmpty()) {
            throw new ReleaseRefusal(Kind.WRONG_STATE, "release " + id + " does not build (" + r.checks().problems().size()
                    + " problems); there is nothing to replay decisions through");
        }
        return impact.replay(compiled.get(id, r.label(), store.files(id)), query);
    }

    /** The compiled release of a stored one that builds (kept from its checks, else compiled from its files). */
    public Release compiled(String id) {
        StoredRelease r = get(id);
        if (!r.checks().problems().isEmpty()) {
            throw new ReleaseRefusal(Kind.WRONG_STATE, "release " + id + " does not build; its problems are in GET " + id);
        }
        return compiled.get(id, r.label(), store.files(id));
    }

    /** The release the database marks ACTIVE, if any (a replica may serve the folders' release until one is). */
    public Optional<StoredRelease> active() {
        return store.active();
    }

    /** The legal review report of the release (Markdown), the document whose hash the approval signs. */
    public String reviewReport(String id) {
        StoredRelease r = get(id);
        if (!r.checks().problems().isEmpty()) {
            throw new ReleaseRefusal(Kind.WRONG_STATE, "release " + id + " does not build; its problems are in GET " + id);
        }
        return checks.reviewReport(compiled.get(id, r.label(), store.files(id)));
    }

    /**
     * A reviewer's sign-off. Approving signs the manifest (content id, every file's SHA-256, the review report's hash,
     * approver, time); rejecting ends the release. The approver must be another client than the submitter, except
     * in development mode (no API clients configured), where the single local user does everything.
     */
    public StoredRelease decide(String id, String decision, String comment, String by) {
        StoredRelease release = get(id);
        boolean approve;
        if ("APPROVE".equals(decision)) {
            approve = true;
        } else if ("REJECT".equals(decision)) {
            approve = false;
        } else {
            throw new ReleaseRefusal(Kind.INVALID_REQUEST, "decision must be APPROVE or REJECT", List.of("decision: must be APPROVE or REJECT"));
        }
        if (release.state() != ReleaseState.CHECKED) {
            throw new ReleaseRefusal(Kind.WRONG_STATE, "release " + id + " is " + release.state() + "; only a CHECKED release is signed off");
        }
        if (by.equals(release.submittedBy())) {
            if (!developmentMode) {
                throw new ReleaseRefusal(Kind.SAME_CLIENT, "release " + id + " was submitted by " + by
                        + "; another client must sign it off");
            }
            log.warn("development mode: {} approves the release it submitted ({}); configure API clients to require a second person", who(by), id);
        }
        OffsetDateTime now = now();
        String detail = comment == null || comment.isBlank() ? null : comment.strip();
        if (!approve) {
            tx.executeWithoutResult(s -> {
                requireTransition(id, EnumSet.of(ReleaseState.CHECKED), ReleaseState.REJECTED);
                store.event(new ReleaseEvent(id, now, by, "REVIEW_REJECTED", ReleaseState.CHECKED, ReleaseState.REJECTED, detail));
            });
            return get(id);
        }
        Instant at = now.toInstant();
        String manifest = ReleaseManifest.of(id, release.reviewReportSha256(), by, at, store.files(id)).text();
        ReleaseSigner.Signed signed;
        if (signer.canSign()) {
            signed = signer.sign(manifest);
        } else {
            if (signer.configured()) {
                throw new IllegalStateException("signing is configured without a private key: this replica cannot sign approvals");
            }
            log.warn("development mode: release {} approved without a signature (configure compliance.releases.signing)", id);
            signed = new ReleaseSigner.Signed(null, null);
        }
        tx.executeWithoutResult(s -> {
            requireTransition(id, EnumSet.of(ReleaseState.CHECKED), ReleaseState.APPROVED);
            store.approved(id, by, now, manifest, signed.signature(), signed.keyId());
            store.event(new ReleaseEvent(id, now, by, "APPROVED", ReleaseState.CHECKED, ReleaseState.APPROVED, detail));
        });
        log.info("release {} approved by {}{}", id, who(by), signed.signature() == null ? " (unsigned)" : ", signed with key " + signed.keyId());
        compiled.get(id, release.label(), store.files(id)); // ready here, so activating it swaps without a compile
        return get(id);
    }

    /**
     * Puts an approved release in service (or one that was, for a rollback), now or at {@code at}. Refused unless the
     * signature and manifest verify. Every replica learns of it from the database; this one loads it before answering.
     */
    public StoredRelease activate(String id, OffsetDateTime at, String by) {
        StoredRelease release = get(id);
        requireActivatable(release);
        OffsetDateTime now = now();
        if (at != null && at.isAfter(now)) {
            tx.executeWithoutResult(s -> {
                store.schedule(id, at);
                store.event(new ReleaseEvent(id, now, by, "ACTIVATION_SCHEDULED", release.state(), release.state(), "at " + at));
            });
            return get(id);
        }
        activateNow(id, by);
        follower.sync();
        return get(id);
    }

    /** Scheduled activations whose time has come (run by every replica's poll; the first one to get there does it). */
    void activateDue() {
        for (StoredRelease due : store.due(now())) {
            try {
                requireActivatable(due);
                activateNow(due.id(), "scheduler");
            } catch (ReleaseRefusal refused) {
                tx.executeWithoutResult(s -> {
                    store.schedule(due.id(), null);
                    store.event(new ReleaseEvent(due.id(), now(), "scheduler", "ACTIVATION_REFUSED", due.state(), due.state(),
                            refused.getMessage() + " " + refused.errors()));
                });
                log.error("scheduled activation of {} refused: {} {}", due.id(), refused.getMessage(), refused.errors());
            }
        }
    }

    private void requireActivatable(StoredRelease release) {
        if (release.state() != ReleaseState.APPROVED && release.state() != ReleaseState.RETIRED
                && release.state() != ReleaseState.ACTIVE) {
            throw new ReleaseRefusal(Kind.WRONG_STATE, "release " + release.id() + " is " + release.state()
                    + "; only an APPROVED release (or a RETIRED one, to roll back) is activated");
        }
        if (release.approvedBy() == null) {
            throw new ReleaseRefusal(Kind.WRONG_STATE, "release " + release.id() + " was never approved");
        }
        List<String> refusals = signer.refusals(release, store.files(release.id()));
        if (!refusals.isEmpty()) {
            throw new ReleaseRefusal(Kind.SIGNATURE_INVALID, "release " + release.id() + " is not activated: its approval does not verify",
                    refusals);
        }
    }

    private void activateNow(String id, String by) {
        try {
            activateInTransaction(id, by);
        } catch (org.springframework.dao.DataIntegrityViolationException concurrent) {
            throw new ReleaseRefusal(Kind.WRONG_STATE, "another release was activated at the same moment; look at "
                    + "GET /api/v1/releases/current and retry if still wanted");
        }
    }

    private void activateInTransaction(String id, String by) {
        OffsetDateTime now = now();
        tx.executeWithoutResult(s -> {
            Optional<String> previous = store.lockActive();
            if (previous.isPresent() && previous.get().equals(id)) {
                store.activated(id, now); // clears a pending schedule; nothing else changes
                return;
            }
            StoredRelease current = get(id);
            requireTransition(id, EnumSet.of(ReleaseState.APPROVED, ReleaseState.RETIRED), ReleaseState.ACTIVE);
            previous.ifPresent(p -> {
                requireTransition(p, EnumSet.of(ReleaseState.ACTIVE), ReleaseState.RETIRED);
                store.event(new ReleaseEvent(p, now, by, "RETIRED", ReleaseState.ACTIVE, ReleaseState.RETIRED, "replaced by " + id));
            });
            store.activated(id, now);
            store.event(new ReleaseEvent(id, now, by, "ACTIVATED", current.state(), ReleaseState.ACTIVE,
                    previous.map(p -> "replaces " + p).orElse(null)));
            follower.signal(id);
        });
        log.info("release {} activated by {}", id, who(by));
    }

    /**
     * Start-up: the release built from the configured folders is stored as a submission. In development mode it is
     * also approved and activated at once (the one-command run); in production it waits for sign-off, and the
     * replica serves the database's active release (or, on a database without one, the folders' until one is).
     */
    public void registerStartupRelease(Release folders) {
        Submission s = submit(folders.files(), folders.label(), "startup", folders);
        if (!developmentMode) {
            return;
        }
        StoredRelease r = s.release();
        if (r.state() == ReleaseState.REJECTED) {
            log.warn("development mode: the release in rules/ and policies/ fails its checks ({} problems, {} failing cases); "
                    + "it is served, but not activated in the database", r.checks().problems().size(), r.checks().cases().failed().size());
            // Nothing ACTIVE in the database, so this replica keeps serving the folders rather than an older release.
            tx.executeWithoutResult(st -> store.lockActive().ifPresent(p -> {
                requireTransition(p, EnumSet.of(ReleaseState.ACTIVE), ReleaseState.RETIRED);
                store.event(new ReleaseEvent(p, now(), "startup", "RETIRED", ReleaseState.ACTIVE, ReleaseState.RETIRED,
                        "development mode: the folders' release " + r.id() + " is served unactivated"));
            }));
            return;
        }
        // Two replicas starting at once both get here: whichever moves the state first wins, the other goes on.
        try {
            if (r.state() == ReleaseState.CHECKED) {
                log.warn("development mode: approving the release of rules/ and policies/ ({}) without a second person", r.id());
                decide(r.id(), "APPROVE", "development mode: approved at start-up", "startup");
            }
            if (get(r.id()).state() != ReleaseState.ACTIVE) {
                requireActivatable(get(r.id()));
                activateNow(r.id(), "startup");
            }
        } catch (ReleaseRefusal raced) {
            if (raced.kind() != Kind.WRONG_STATE) {
                throw raced;
            }
            log.info("another replica moved release {} meanwhile: {}", r.id(), raced.getMessage());
        }
    }

    private void requireTransition(String id, EnumSet<ReleaseState> from, ReleaseState to) {
        if (!store.transition(id, from, to)) {
            throw new ReleaseRefusal(Kind.WRONG_STATE, "release " + id + " changed state meanwhile; expected one of " + from);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String who(String by) {
        return by.isEmpty() ? "(no API keys)" : by;
    }
}
