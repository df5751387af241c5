package id.loket.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Run without packaged services, the system tests say what is missing and how to build it. */
class PackagedServicesTest {

    @Test
    void aMissingJarIsNamedWithTheCommandThatBuildsIt(@TempDir Path root) throws Exception {
        for (LoketSystem.Service s : LoketSystem.Service.values()) {
            Files.createDirectories(LoketSystem.jar(root, s).getParent());
            if (s != LoketSystem.Service.FEEDBACK) Files.writeString(LoketSystem.jar(root, s), ""); // feedback: not packaged
        }
        Files.createDirectories(root.resolve("membership-service/target/quarkus-app/lib/main"));

        assertThatThrownBy(() -> LoketSystem.requirePackaged(root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(root.resolve("feedback-service/target/quarkus-app/quarkus-run.jar").toString())
                .hasMessageNotContaining("queue-service")
                .hasMessageContaining("./mvnw -B -pl system-tests -am verify");

        Files.writeString(LoketSystem.jar(root, LoketSystem.Service.FEEDBACK), "");
        assertThatCode(() -> LoketSystem.requirePackaged(root)).doesNotThrowAnyException();
    }
}
