package cn.propertycompliance;

import java.time.Duration;
import java.util.List;
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
        @DefaultValue Security security) {

    /** {@code label}: a human name for the release shown next to its content hash (default: dev-&lt;hash prefix&gt;). */
    public record Release(String label) {
    }

    /**
     * {@code maxRuleFirings}: a request whose rules fire this often is stopped and answered with a 500 problem.
     * {@code maxConcurrentEvaluations}: evaluations running at once (0 = one per core); more only thrash the CPU.
     */
    public record Engine(@DefaultValue("10000") int maxRuleFirings, @DefaultValue("0") int maxConcurrentEvaluations) {
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

    /** Group commit of decision records: largest batch, queue size, and how long a request waits for its commit. */
    public record Decisions(@DefaultValue("256") int maxBatch,
                            @DefaultValue("20000") int queueCapacity,
                            @DefaultValue("10s") Duration commitTimeout) {
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
}
