package io.smppgateway.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release is complete as published: {@code scripts/release.sh} deploys this tree's version (less -SNAPSHOT) into
 * a temp folder, then the host project of {@code src/test/release-host}, which imports the BOM and depends on
 * smpp-core, is built offline against that folder and a local repository seeded from ~/.m2 less io/smppgateway,
 * so that our artifacts can come from the release folder only, not from the reactor; and its jar runs. An
 * unpublished parent, a BOM that names a wrong version or a jar without its classes fails here.
 *
 * <p>It runs Maven in child processes (about two minutes on an idle machine), in the integration-test phase.
 */
@Tag("release")
class ReleaseIT {

    private static final Duration RELEASE_BUDGET = Duration.ofMinutes(20);
    private static final Duration HOST_BUILD_BUDGET = Duration.ofMinutes(5);
    private static final Duration HOST_RUN_BUDGET = Duration.ofMinutes(1);

    /** The library modules and the Automatic-Module-Name each jar must carry. */
    private static final Map<String, String> LIBRARIES = Map.of(
            "smpp-core", "io.smppgateway.core",
            "smpp-nsq-bridge", "io.smppgateway.bridge",
            "smpp-persistence", "io.smppgateway.persistence",
            "smpp-http", "io.smppgateway.http");

    @TempDir
    Path temp;

    @Test
    void aHostProjectBuildsAndRunsAgainstTheReleaseFolderAlone() throws Exception {
        assumeTrue(onPath("mvn"), "mvn is not on the PATH: the release test runs Maven in a child process; skipped");
        Path tree = Path.of(System.getProperty("smpp.tree")).toAbsolutePath().normalize();
        String version = System.getProperty("smpp.version").replace("-SNAPSHOT", "");
        Path release = temp.resolve("release");
        String rootPomBefore = Files.readString(tree.resolve("pom.xml"));

        new ChildProcess(tree, temp.resolve("release.log"),
                List.of("bash", tree.resolve("scripts/release.sh").toString(), version, release.toString()))
                .runWithin(RELEASE_BUDGET);

        assertEquals(rootPomBefore, Files.readString(tree.resolve("pom.xml")), "the release changed the working tree");
        Path published = release.resolve("io/smppgateway");
        for (Map.Entry<String, String> library : LIBRARIES.entrySet()) {
            String module = library.getKey();
            Path folder = published.resolve(module).resolve(version);
            for (String suffix : List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar")) {
                Path file = folder.resolve(module + "-" + version + suffix);
                assertTrue(Files.isRegularFile(file), file + " was not published");
                assertTrue(Files.isRegularFile(Path.of(file + ".sha1")), file + " was published without its checksum");
            }
            try (JarFile jar = new JarFile(folder.resolve(module + "-" + version + ".jar").toFile())) {
                assertEquals(library.getValue(), jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"),
                        module + "'s Automatic-Module-Name");
            }
        }
        for (String pomOnly : List.of("smpp-gateway-parent", "smpp-gateway-bom")) {
            Path pom = published.resolve(pomOnly + "/" + version + "/" + pomOnly + "-" + version + ".pom");
            assertTrue(Files.isRegularFile(pom), pom + " was not published");
        }
        assertFalse(Files.exists(published.resolve("examples")), "the examples are demos, not a published library");
        try (Stream<Path> files = Files.walk(published)) {
            for (Path pom : files.filter(path -> path.toString().endsWith(".pom")).toList()) {
                assertFalse(Files.readString(pom).contains("SNAPSHOT"), pom + " names a SNAPSHOT");
            }
        }

        Path localRepository = temp.resolve("m2");
        seedWithoutOurArtifacts(Path.of(System.getProperty("smpp.localRepository")), localRepository);
        Path host = temp.resolve("host");
        copyTree(tree.resolve("examples/src/test/release-host"), host);
        new ChildProcess(host, temp.resolve("host-build.log"), List.of("mvn", "-B", "-ntp", "-o",
                // offline, but the release folder is a file: repository and may be read
                "-Daether.offline.protocols=file",
                "-Dmaven.repo.local=" + localRepository,
                "-Dsmpp.version=" + version,
                "-Dsmpp.release.repository=" + release.toUri(),
                "package"))
                .runWithin(HOST_BUILD_BUDGET);
        assertTrue(Files.isRegularFile(localRepository.resolve("io/smppgateway/smpp-core/" + version + "/smpp-core-" + version + ".jar")),
                "the host build took smpp-core from somewhere else than the release folder");

        String output = new ChildProcess(host, temp.resolve("host-run.log"), List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", host.resolve("target/release-host.jar").toString()))
                .runWithin(HOST_RUN_BUDGET);
        assertTrue(output.contains("release host: SmscSimulator listening on 127.0.0.1:"), output);
        assertTrue(output.contains("enquire_link is 16 bytes"), output);
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, program)));
    }

    /** Copies the user's local repository, less io/smppgateway, so that the host finds third-party artifacts offline. */
    private static void seedWithoutOurArtifacts(Path from, Path to) throws IOException {
        Path ours = from.resolve("io/smppgateway");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(path -> !path.startsWith(ours)).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(file)) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
