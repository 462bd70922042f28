package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ArchiveTrainingTest {
    @Test
    void theTrainingModulesRunInTheInterpreterFromTheCodeCacheAndOnAPreopenedFile() throws IOException {
        // Each run counts to 3 in memory and the WASI module reads "hello": a path that failed or was skipped
        // would not add up.
        assertEquals(6 + "hello".length(), ArchiveTraining.exercisePaths());
    }

    @Test
    void onlyClassesOfTheArchivedLibrariesAreLoaded() {
        assertTrue(ArchiveTraining.archived("dev/jwasm/core/interp/Interpreter.class"));
        assertTrue(ArchiveTraining.archived("org/objectweb/asm/ClassWriter.class"));
        assertTrue(ArchiveTraining.archived("org/slf4j/LoggerFactory.class"));
        assertFalse(ArchiveTraining.archived("ch/qos/logback/classic/Logger.class"), "started only to log");
        assertFalse(ArchiveTraining.archived("picocli/CommandLine.class"), "Java 5 classes cannot be archived");
        assertFalse(ArchiveTraining.archived("META-INF/versions/9/module-info.class"));
        assertFalse(ArchiveTraining.archived("dev/jwasm/jit/aot/build.properties"));
    }
}
