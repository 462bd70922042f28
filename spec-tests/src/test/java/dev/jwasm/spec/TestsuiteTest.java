package dev.jwasm.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestsuiteTest {
    @Test
    void theRepositoryRootIsTheNearestAggregatorPomAbove(@TempDir Path dir) throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("pom.xml"), "<project><modules><module>spec-tests</module></modules></project>");
        Path module = Files.createDirectories(repo.resolve("spec-tests"));
        Files.writeString(module.resolve("pom.xml"), "<project></project>");
        assertEquals(repo, Testsuite.repositoryRoot(module));
        assertEquals(repo, Testsuite.repositoryRoot(repo));
    }

    @Test
    void withoutAnAggregatorPomTheStartIsTheRoot(@TempDir Path dir) {
        assertEquals(dir, Testsuite.repositoryRoot(dir));
    }
}
