package dev.jwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwasm.api.Engine;
import dev.jwasm.api.Instance;
import dev.jwasm.api.Linker;
import dev.jwasm.api.WasmModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real wasi-libc programs (sources and build.sh in src/test/c, prebuilt .wasm in src/test/resources/wasi)
 * run end to end. Skipped while the runtime cannot instantiate modules yet.
 */
@Timeout(60)
class CProgramsTest {
    @TempDir
    Path temp;

    /** What a run produced. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    static byte[] wasm(String name) throws IOException {
        try (InputStream in = CProgramsTest.class.getResourceAsStream("/wasi/" + name + ".wasm")) {
            return in.readAllBytes();
        }
    }

    /** Runs {@code _start} of program {@code name}; the config builder gets stdout/stderr capture added. */
    static Run run(String name, WasiConfig.Builder config) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        config.stdout(out).stderr(err);
        try (Wasi wasi = Wasi.create(config.build())) {
            int code = runStart(name, wasi);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    static int runStart(String name, Wasi wasi) throws IOException {
        return start(instantiate(name, wasi));
    }

    /** Instantiates program {@code name} against {@code wasi}, skipping the test if the runtime is not there. */
    static Instance instantiate(String name, Wasi wasi) throws IOException {
        try {
            WasmModule module = WasmModule.parse(wasm(name));
            Linker linker = wasi.addTo(new Linker(Engine.create()));
            return linker.instantiate(module);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("the runtime cannot run modules yet: " + e.getMessage());
            throw e;
        }
    }

    /** Runs {@code _start}; returns the exit code (0 when it returns normally). */
    static int start(Instance instance) {
        try {
            instance.function("_start").call();
            return 0;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof WasiExitException exit) {
                    return exit.exitCode();
                }
            }
            throw e;
        }
    }

    @Test
    void stdioArgsAndEnvironmentReachTheProgram() throws IOException {
        Run r = run("stdio", WasiConfig.builder().args("stdio", "one", "two words").env("GREETING", "hi")
                .stdin(new ByteArrayInputStream("shout this\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals(0, r.exitCode());
        assertEquals("argc=3\nargv[0]=stdio\nargv[1]=one\nargv[2]=two words\nGREETING=hi\nHOME=(unset)\n"
                + "SHOUT THIS\n", r.stdout());
        assertEquals("to stderr\n", r.stderr());
    }

    @ParameterizedTest(name = "exit code {0}")
    @ValueSource(ints = {0, 1, 42, 255})
    void exitCodesReachTheEmbedder(int code) throws IOException {
        assertEquals(code, run("exitcode", WasiConfig.builder().args("exitcode", String.valueOf(code))).exitCode());
    }

    @Test
    void filesAndDirectoriesWorkThroughLibc() throws IOException {
        Path data = Files.createDirectory(temp.resolve("data"));
        Run r = run("files", WasiConfig.builder().preopen(data, "/data", PreopenMode.READ_WRITE));
        assertFalse(r.stdout().contains("FAIL"), r.stdout());
        assertTrue(r.stdout().contains("readdir entries=300 dots=2"), r.stdout());
        assertEquals(0, r.exitCode(), r.stdout());
    }

    @Test
    void escapesAreRefused() throws IOException {
        Path sandbox = Files.createDirectory(temp.resolve("sandbox"));
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "secret");
        Files.writeString(sandbox.resolve("target"), "fine");
        Files.createSymbolicLink(sandbox.resolve("abs"), outside);
        Files.createSymbolicLink(sandbox.resolve("rel"), Path.of("../outside"));
        Files.createSymbolicLink(sandbox.resolve("chain"), Path.of("rel"));
        Files.createSymbolicLink(sandbox.resolve("loop"), Path.of("loop"));
        Files.createSymbolicLink(sandbox.resolve("inside"), Path.of("target"));
        Run r = run("escape", WasiConfig.builder().preopen(sandbox, "/sandbox", PreopenMode.READ_WRITE));
        assertTrue(r.stdout().contains("escaped=0"), r.stdout());
        assertTrue(r.stdout().contains("inside link followed"), r.stdout());
        assertTrue(r.stdout().contains("refused /sandbox/loop"), r.stdout());
        assertEquals(0, r.exitCode());
    }

    @Test
    void aReadOnlyMountCannotBeModified() throws IOException {
        Path ro = Files.createDirectory(temp.resolve("ro"));
        Files.writeString(ro.resolve("file.txt"), "unchanged");
        Run r = run("readonly", WasiConfig.builder().preopen(ro, "/ro", PreopenMode.READ_ONLY));
        assertTrue(r.stdout().contains("modified=0"), r.stdout());
        assertTrue(r.stdout().contains("read 9 bytes: unchanged"), r.stdout());
        assertEquals("unchanged", Files.readString(ro.resolve("file.txt")));
        assertEquals(1, Files.list(ro).count());
    }

    @Test
    void clocksRandomAndPollTimeoutsWork() throws IOException {
        java.io.PipedOutputStream neverWritten = new java.io.PipedOutputStream();
        Run r = run("clocks", WasiConfig.builder().stdin(new java.io.PipedInputStream(neverWritten)));
        assertEquals(0, r.exitCode());
        assertEquals("realtime after 2020: yes\nnanosleep waited 20ms: yes\nprocess cputime works: yes\n"
                + "random differs: yes\npoll on idle stdin: ready=0 waited 30ms: yes\n", r.stdout());
    }

    @Test
    void anEchoServerOnAPreopenedListenerTalksToAJavaClient() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().args("echo_server", "2").listen("127.0.0.1", 0).stdout(out).build();
        try (Wasi wasi = Wasi.create(config)) {
            InetSocketAddress address = wasi.listenerAddresses().get(0);
            Instance instance = instantiate("echo_server", wasi);
            CompletableFuture<Integer> server = CompletableFuture.supplyAsync(() -> start(instance));
            for (int i = 0; i < 2; i++) {
                assertEquals("hello " + i, talk(address, "hello " + i));
            }
            assertEquals(0, server.get(30, TimeUnit.SECONDS));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("served connection 2"));
        }
    }

    @Test
    void aNonBlockingServerUsesPollOnTheListenerAndTheConnection() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().args("poll_server").listen("127.0.0.1", 0).stdout(out).build();
        try (Wasi wasi = Wasi.create(config)) {
            InetSocketAddress address = wasi.listenerAddresses().get(0);
            Instance instance = instantiate("poll_server", wasi);
            CompletableFuture<Integer> server = CompletableFuture.supplyAsync(() -> start(instance));
            Thread.sleep(100);
            try (Socket socket = new Socket()) {
                socket.connect(address, 5000);
                socket.setSoTimeout(10_000);
                Thread.sleep(100);
                socket.getOutputStream().write("12345".getBytes(StandardCharsets.UTF_8));
                assertEquals("[5]", new String(socket.getInputStream().readNBytes(3), StandardCharsets.UTF_8));
            }
            assertEquals(0, server.get(30, TimeUnit.SECONDS));
            assertEquals("accept before any client: EAGAIN\nread before data: EAGAIN\nclient closed\n",
                    out.toString(StandardCharsets.UTF_8));
        }
    }

    private static String talk(InetSocketAddress address, String message) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 5000);
            socket.setSoTimeout(10_000);
            OutputStream o = socket.getOutputStream();
            o.write(message.getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
