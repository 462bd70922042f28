package dev.jwasm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The capabilities {@code jwasm run} grants a WASI guest. Nothing is granted by default: no directories,
 * no environment variables, no sockets.
 */
final class WasiOptions {
    @Option(names = "--dir", paramLabel = "HOST::GUEST", order = 10,
            description = {"Let the guest use host directory HOST as GUEST (HOST::GUEST), read-only with "
                    + "HOST::GUEST:ro; a bare DIR means DIR::DIR. Repeatable."})
    List<String> dirs = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME[=VALUE]", order = 11,
            description = "Set a guest environment variable; a bare NAME copies the host's value. Repeatable.")
    List<String> env = new ArrayList<>();

    @Option(names = "--tcplisten", paramLabel = "HOST:PORT", order = 12,
            description = "Open a listening TCP socket and hand it to the guest as a pre-opened file descriptor. "
                    + "Repeatable.")
    List<String> listens = new ArrayList<>();

    /**
     * Parses and checks the grants for a guest started with {@code argv}.
     *
     * @throws CliException for a malformed option or a directory that does not exist
     */
    WasiGrants grants(List<String> argv, Map<String, String> hostEnv) {
        List<DirGrant> dirGrants = new ArrayList<>();
        List<EnvSetting> envSettings = new ArrayList<>();
        List<ListenAddress> listenAddresses = new ArrayList<>();
        try {
            for (String d : dirs) {
                dirGrants.add(requireDirectory(DirGrant.parse(d)));
            }
            for (String e : env) {
                EnvSetting s = EnvSetting.parse(e, hostEnv);
                if (s.isSet()) {
                    envSettings.add(s);
                }
            }
            for (String l : listens) {
                listenAddresses.add(ListenAddress.parse(l));
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), ExitCodes.USAGE);
        }
        return new WasiGrants(argv, dirGrants, envSettings, listenAddresses);
    }

    private static DirGrant requireDirectory(DirGrant grant) {
        if (!Files.isDirectory(Path.of(grant.host()))) {
            throw new CliException("--dir " + grant.host() + ": no such directory");
        }
        return grant;
    }
}
