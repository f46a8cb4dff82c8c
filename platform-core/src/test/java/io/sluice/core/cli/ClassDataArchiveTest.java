package io.sluice.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runtime does with the class-data archive the launcher asks for, short of a real dump
 * (which needs a JVM started with {@code -XX:+RecordDynamicDumpInfo}; the distribution's launcher
 * test makes and uses one): a failed dump never fails the run and leaves a note that stops further
 * tries, an archive that exists is left alone, and stale archives of other installations go.
 */
class ClassDataArchiveTest {
    @TempDir
    Path directory;

    @Test
    void anArchiveNamedByHandDeletesNoOtherArchive() throws Exception {
        Path other = Files.writeString(directory.resolve("sluice-999-456.jsa"), "");
        ClassDataArchive archive = new ClassDataArchive(directory.resolve("my-archive.jsa"));
        assertThat(archive.failureMarker()).isEqualTo(directory.resolve("my-archive.jsa.failed"));
        archive.deleteOtherInstallations();
        assertThat(other).exists();
    }

    @Test
    void aDumpThisJvmCannotDoLeavesANoteAndNoArchive() throws Exception {
        // This JVM runs without -XX:+RecordDynamicDumpInfo, so the JVM refuses the dump.
        ClassDataArchive archive = new ClassDataArchive(directory.resolve("cds/sluice-123-456.jsa"));
        archive.prepare();
        archive.write(getClass().getClassLoader());
        assertThat(archive.path()).doesNotExist();
        assertThat(archive.failureMarker()).exists();
        assertThat(Files.readString(archive.failureMarker())).isNotBlank();
        try (Stream<Path> files = Files.list(directory.resolve("cds"))) {
            assertThat(files).as("no temporary file left").containsExactly(archive.failureMarker());
        }
    }

    @Test
    void anArchiveAnotherStartWroteIsLeftAlone() throws Exception {
        Path path = Files.writeString(directory.resolve("sluice-123-456.jsa"), "written by another start");
        ClassDataArchive archive = new ClassDataArchive(path);
        archive.prepare();
        archive.write(getClass().getClassLoader());
        assertThat(path).hasContent("written by another start");
        assertThat(archive.failureMarker()).doesNotExist();
    }

    @Test
    void anUnwritableDirectoryMeansNoTry() throws Exception {
        Path file = Files.writeString(directory.resolve("not-a-directory"), "");
        // A path under a file: no directory there can be made, even as root.
        ClassDataArchive archive = new ClassDataArchive(file.resolve("sluice-123-456.jsa"));
        archive.prepare();
        archive.write(getClass().getClassLoader());
        assertThat(Files.exists(archive.path())).isFalse();
        assertThat(Files.exists(archive.failureMarker())).isFalse();
    }

    @Test
    void archivesOfOtherInstallationsAreDeleted() throws Exception {
        Path ours = Files.writeString(directory.resolve("sluice-123-456.jsa"), "");
        Path ourOtherOptions = Files.writeString(directory.resolve("sluice-123-789.jsa"), "");
        Path stale = Files.writeString(directory.resolve("sluice-999-456.jsa"), "");
        Path staleNote = Files.writeString(directory.resolve("sluice-999-789.jsa.failed"), "");
        Path inProgress = Files.writeString(directory.resolve("sluice-999-456.jsa.4242.tmp"), "");
        Path inProgressByTheJvm = Files.writeString(directory.resolve("sluice-999-456.jsa.4242.tmp.temp"), "");
        Path unrelated = Files.writeString(directory.resolve("notes.txt"), "");
        new ClassDataArchive(ours).deleteOtherInstallations();
        assertThat(ours).exists();
        assertThat(ourOtherOptions).exists();
        assertThat(stale).doesNotExist();
        assertThat(staleNote).doesNotExist();
        assertThat(inProgress).as("another start's dump in progress").exists();
        assertThat(inProgressByTheJvm).as("another start's dump in progress").exists();
        assertThat(unrelated).exists();
    }

    @Test
    void dumpsLeftByProcessesThatNoLongerRunAreDeleted() throws Exception {
        long running = ProcessHandle.current().pid();
        long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElseThrow() + 1000;
        Path inProgress = Files.writeString(directory.resolve("sluice-123-456.jsa." + running + ".tmp"), "");
        Path abandoned = Files.writeString(directory.resolve("sluice-123-456.jsa." + gone + ".tmp"), "");
        Path abandonedByTheJvm = Files.writeString(directory.resolve("sluice-999-456.jsa." + gone + ".tmp.temp"), "");
        new ClassDataArchive(directory.resolve("sluice-123-456.jsa")).deleteAbandonedDumps();
        assertThat(inProgress).exists();
        assertThat(abandoned).doesNotExist();
        assertThat(abandonedByTheJvm).doesNotExist();
    }

    @Test
    void onlyAClassPathWithDirectoriesLastCanBeArchived() throws Exception {
        Path jar = Files.writeString(directory.resolve("a.jar"), "");
        Path conf = Files.createDirectory(directory.resolve("conf"));
        assertThat(ClassDataArchive.unusableClassPath(jar + File.pathSeparator + conf)).isEmpty();
        assertThat(ClassDataArchive.unusableClassPath(conf + File.pathSeparator + jar))
                .hasValueSatisfying(reason -> assertThat(reason).contains(conf.toString()));
    }

    @Test
    void theClassesToLinkAreTheNamedOnesOfTheHierarchy() {
        String hierarchy = String.join("\n",
                "java.lang.Object/null",
                "|--org.slf4j.LoggerFactory/0x00007f5da01719a0",
                "|  |--org.apache.logging.log4j.core.Layout/0x00007f5da01719a0 (intf)",
                "|--java.lang.invoke.LambdaForm$DMH/0x00007f5d20218000/null",
                "|  |  |--org.apache.kafka.common.protocol.Errors$$Lambda$195/0x00007f5d201dd588/0x00007f5da01719a0",
                "");
        assertThat(ClassDataArchive.loadedClassNames(hierarchy))
                .containsExactly("java.lang.Object", "org.slf4j.LoggerFactory", "org.apache.logging.log4j.core.Layout");
    }

    @Test
    void linkingVisitsTheClassesThisJvmLoaded() throws Exception {
        assertThat(ClassDataArchive.linkLoadedClasses(getClass().getClassLoader())).isGreaterThan(1000);
    }
}
