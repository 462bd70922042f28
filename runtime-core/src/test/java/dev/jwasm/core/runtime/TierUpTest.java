package dev.jwasm.core.runtime;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The compiler tier named by {@link TierUp#COMPILER_PROPERTY}: used when it is one, ignored otherwise. */
class TierUpTest {
    /** A tier that compiles nothing. */
    public static final class NoTier implements CompilerTier {
        @Override
        public void compileAll(InstanceImpl instance) {
        }
    }

    private static final ClassLoader LOADER = TierUpTest.class.getClassLoader();

    @Test
    void aNamedCompilerTierIsInstantiated() {
        assertInstanceOf(NoTier.class, TierUp.named(NoTier.class.getName(), LOADER));
    }

    @Test
    void aNameThatIsNoCompilerTierIsIgnored() {
        assertNull(TierUp.named("java.lang.String", LOADER));
        assertNull(TierUp.named("no.such.Tier", LOADER));
        assertNull(TierUp.named("", LOADER));
        assertNull(TierUp.named(null, LOADER));
    }
}
