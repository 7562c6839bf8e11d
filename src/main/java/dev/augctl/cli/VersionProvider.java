package dev.augctl.cli;

import dev.augctl.common.Version;
import picocli.CommandLine;

/** {@code --version}: the project version ({@link Version}) and the Java running it. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "augctl " + Version.current(),
            "Java ${java.version} (${java.vendor}), ${os.name} ${os.arch}"
        };
    }
}
