package dev.jwasm.cli;

import java.util.List;

/** Everything a WASI guest receives from the command line: argv, pre-opened directories, environment, sockets. */
record WasiGrants(List<String> args, List<DirGrant> dirs, List<EnvSetting> env, List<ListenAddress> listens) {
    WasiGrants {
        args = List.copyOf(args);
        dirs = List.copyOf(dirs);
        env = List.copyOf(env);
        listens = List.copyOf(listens);
    }
}
