package cn.propertycompliance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the service ({@code compliance.*} in application.yaml or environment variables). */
@ConfigurationProperties("compliance")
public record ComplianceProperties(
        @DefaultValue("rules") String rulesDir,
        @DefaultValue("policies") String policiesDir,
        @DefaultValue Release release,
        @DefaultValue Engine engine,
        @DefaultValue Privacy privacy,
        @DefaultValue Api api,
        @DefaultValue Decisions decisions,
        @DefaultValue Security security,
        @DefaultValue Releases releases,
        @DefaultValue Console console) {

    /** {@code label}: a human name for the release shown next to its content hash (default: dev-&lt;hash prefix&gt;). */
    public record Release(String label) {
    }

    /**
     * {@code maxRuleFirings}: a request whose rules fire this often is stopped and answered with a 500 problem.
     * {@code maxConcurrentEvaluations}: evaluations running at once (0 = one per core); more only thrash the CPU.
     * {@code evaluationDeadline}: an evaluation still running after this is stopped (503 problem, slot freed);
     * {@code warmUpDeadline}: the same for the first evaluation of a new release (refused past it);
     * {@code buildDeadline}: a reload whose build and warm-up take longer is abandoned (422, release in service stays).
     */
    public record Engine(@DefaultValue("10000") int maxRuleFirings, @DefaultValue("0") int maxConcurrentEvaluations,
                         @DefaultValue("300ms") Duration evaluationDeadline, @DefaultValue("10s") Duration warmUpDeadline,
                         @DefaultValue("120s") Duration buildDeadline) {
    }

    /** {@code hmacKey}: the key of the keyed hash that masks members' personal data. Set it in production. */
    public record Privacy(@DefaultValue("dev-only-change-me-in-production") String hmacKey) {
    }

    /**
     * {@code maxBodyBytes}: larger request bodies (and batch lines) get 413. {@code batchWindow}: batch lines in
     * flight at once (bounds batch memory); {@code batchThreads}: evaluation threads for batches (0 = one per core).
     */
    public record Api(@DefaultValue("1048576") int maxBodyBytes,
                      @DefaultValue("1024") int batchWindow,
                      @DefaultValue("0") int batchThreads) {
    }

    /**
     * Decision records. {@code maxBatch}, {@code queueCapacity}: group commit. {@code databaseTimeout}: the longest a
     * request waits for the database (replay lookup and commit together, reading a decision, the health check) before
     * it is answered 503. {@code chain}: the keys of the tamper-evident chain.
     */
    public record Decisions(@DefaultValue("256") int maxBatch,
                            @DefaultValue("20000") int queueCapacity,
                            @DefaultValue("3s") Duration databaseTimeout,
                            @DefaultValue Chain chain) {
    }

    /**
     * The keyed chain of decision records. {@code keys}: key id → secret (≥ 32 characters) for every key whose records
     * must still verify; {@code signingKeyId}: the one that signs new records (default: the only key);
     * {@code checkpointInterval}: how often a signed checkpoint is kept and logged. Without keys a development key
     * is used and a warning logged.
     */
    public record Chain(String signingKeyId, Map<String, String> keys, @DefaultValue("1m") Duration checkpointInterval) {

        public static final String DEV_KEY_ID = "dev";
        public static final String DEV_SECRET = "dev-only-decision-chain-key-change-me-in-production";

        public boolean usesDevelopmentKey() {
            return keys == null || keys.isEmpty();
        }

        public Map<String, String> keysOrDevelopment() {
            return usesDevelopmentKey() ? Map.of(DEV_KEY_ID, DEV_SECRET) : keys;
        }

        public String signingKeyIdOrDefault() {
            if (signingKeyId != null && !signingKeyId.isBlank()) {
                return signingKeyId.strip();
            }
            Map<String, String> k = keysOrDevelopment();
            if (k.size() == 1) {
                return k.keySet().iterator().next();
            }
            throw new IllegalStateException("compliance.decisions.chain.signing-key-id: name which of the keys " + k.keySet()
                    + " signs new records");
        }
    }

    /**
     * API clients allowed to call the service, each with the SHA-256 (hex) of its key and its roles. With no client
     * configured the API is open (the one-command local run); configure at least one in production.
     */
    public record Security(List<Client> clients) {
        public List<Client> clientsOrEmpty() {
            return clients == null ? List.of() : clients;
        }
    }

    /** {@code name}: shown in logs; {@code keySha256}: hex SHA-256 of the key, so configuration holds no usable key. */
    public record Client(String name, String keySha256, Set<cn.propertycompliance.Role> roles) {
    }

    /**
     * Releases in the database (issue 12). {@code pollInterval}: how often a replica looks for a newly active or due
     * release (H2, or as the fallback beside PostgreSQL LISTEN/NOTIFY: {@code notifyFallbackInterval});
     * {@code heartbeatInterval}: how often it reports the release it serves (live = seen within 3 intervals);
     * {@code replicaId}: its name in that list (default host:port:random).
     */
    public record Releases(@DefaultValue("2s") Duration pollInterval,
                           @DefaultValue("15s") Duration notifyFallbackInterval,
                           @DefaultValue("2s") Duration heartbeatInterval,
                           String replicaId,
                           @DefaultValue Archive archive,
                           @DefaultValue Signing signing) {
    }

    /** Bounds on a submitted archive: compressed size, inflated total, file count, one file, inflated/compressed. */
    public record Archive(@DefaultValue("16777216") long maxBytes,
                          @DefaultValue("67108864") long maxTotalBytes,
                          @DefaultValue("5000") int maxFiles,
                          @DefaultValue("4194304") long maxFileBytes,
                          @DefaultValue("100") int maxRatio) {
    }

    /**
     * Ed25519 signing of approvals. {@code privateKey}: the service's key (base64 PKCS#8), named {@code keyId};
     * {@code publicKeys}: the keys signatures are verified with (base64 X.509), each for the approvers it may sign
     * for. With any key configured, no release is activated without a valid signature.
     */
    public record Signing(String keyId, String privateKey, List<TrustedKey> publicKeys) {
        public List<TrustedKey> publicKeysOrEmpty() {
            return publicKeys == null ? List.of() : publicKeys;
        }

        public boolean configured() {
            return (privateKey != null && !privateKey.isBlank()) || !publicKeysOrEmpty().isEmpty();
        }
    }

    /**
     * The web console ({@code /console}, issue 13): people who sign in with a password, each with the bcrypt hash of
     * it and roles ({@code OFFICER} edits drafts, submits and activates; {@code REVIEWER} signs off). None configured:
     * the console has no users (nobody can sign in).
     */
    public record Console(List<ConsoleUser> users) {
        public List<ConsoleUser> usersOrEmpty() {
            return users == null ? List.of() : users;
        }
    }

    /** {@code passwordBcrypt}: e.g. from {@code htpasswd -bnBC 12 "" "$PASSWORD" | tr -d ':\n'}. */
    public record ConsoleUser(String name, String passwordBcrypt, Set<cn.propertycompliance.Role> roles) {
    }

    /** A public key signatures are checked with; {@code approvers} lists the clients it signs for (every one if empty). */
    public record TrustedKey(String keyId, String publicKey, List<String> approvers) {
    }
}
