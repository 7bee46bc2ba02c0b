package cn.propertycompliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/api-contract.md is the repository's copy of the contract integrators code against (the spec lives in the
 * shared folder beside the project, which a clone does not have). Where that folder is present, the copy must equal it.
 */
class ApiContractCopyTest {

    @Test
    void theContractCopyIsCurrent() throws Exception {
        Path copy = Path.of("docs/api-contract.md");
        assertThat(copy).exists();
        Path spec = Path.of("../shared/spec/api.md");
        if (Files.exists(spec)) {
            assertThat(Files.readString(copy)).as("docs/api-contract.md is a copy of ../shared/spec/api.md: copy it again")
                    .isEqualTo(Files.readString(spec));
        }
    }
}
