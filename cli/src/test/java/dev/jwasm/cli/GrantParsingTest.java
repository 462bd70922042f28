package dev.jwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The WASI grant options: {@code --dir}, {@code --env}, {@code --tcplisten}. */
class GrantParsingTest {
    @Test
    void dirWithHostAndGuestMapsOneOntoTheOther() {
        assertEquals(new DirGrant("/tmp/root", "/", false), DirGrant.parse("/tmp/root::/"));
    }

    @Test
    void bareDirIsVisibleUnderItsOwnName() {
        assertEquals(new DirGrant(".", ".", false), DirGrant.parse("."));
    }

    @Test
    void roSuffixMakesTheGrantReadOnly() {
        assertEquals(new DirGrant("data", "/data", true), DirGrant.parse("data::/data:ro"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "::/", "host::", "host:::ro"})
    void dirWithAnEmptySideIsRejected(String spec) {
        assertThrows(IllegalArgumentException.class, () -> DirGrant.parse(spec));
    }

    @Test
    void envWithValueSetsIt() {
        assertEquals(new EnvSetting("K", "a=b"), EnvSetting.parse("K=a=b", Map.of()));
        assertEquals(new EnvSetting("EMPTY", ""), EnvSetting.parse("EMPTY=", Map.of()));
    }

    @Test
    void bareEnvNameCopiesTheHostValueOrIsDroppedWithoutOne() {
        assertEquals(new EnvSetting("HOME", "/root"), EnvSetting.parse("HOME", Map.of("HOME", "/root")));
        assertFalse(EnvSetting.parse("UNSET", Map.of()).isSet());
    }

    @Test
    void envWithoutNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> EnvSetting.parse("=x", Map.of()));
    }

    @Test
    void tcplistenTakesHostAndPort() {
        assertEquals(new ListenAddress("127.0.0.1", 8080), ListenAddress.parse("127.0.0.1:8080"));
        assertEquals(new ListenAddress("::1", 0), ListenAddress.parse("[::1]:0"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"8080", ":8080", "host:", "host:x", "host:65536", "host:-1"})
    void tcplistenWithoutAValidPortIsRejected(String spec) {
        assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse(spec));
    }
}
