package io.sluice.core.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class-data sharing (AppCDS) archive {@code bin/sluice} asked this JVM to write: the launcher
 * passes its path in {@code sluice.cds.archive} (with {@code -XX:+RecordDynamicDumpInfo}) when the
 * archive for this Java build, {@code lib/} and memory options is missing. After a graceful stop
 * with at least one batch done, the classes the run loaded are dumped into it with the JVM's
 * diagnostic command ({@code jcmd VM.cds dynamic_dump}); later starts map them instead of reading,
 * parsing and verifying thousands of classes from jars.
 *
 * <p>The dump goes to a temporary file that is then renamed into place, so a starting JVM never
 * maps half an archive. Nothing here fails a run: a directory that cannot be written is reported
 * at start, a failed dump is logged and leaves {@code <archive>.failed} with the reason, which
 * keeps the launcher from asking again (delete it to retry). Archive names are
 * {@code sluice-<installation>-<options>.jsa}; writing one deletes those of other installation
 * checksums (an upgraded {@code lib/} or Java), which no start can use any more.
 *
 * <p>Called on the CLI's main thread only.
 */
final class ClassDataArchive {
    static final String ARCHIVE_PROPERTY = "sluice.cds.archive";

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    private static final Pattern NAME = Pattern.compile("sluice-([0-9a-zA-Z]+)-([0-9a-zA-Z]+)\\.jsa");
    /** A dump in progress: the archive's name, the writing process's id, then the JVM's own suffixes. */
    private static final Pattern TEMPORARY = Pattern.compile("sluice-.*\\.jsa\\.([0-9]{1,18})\\.tmp.*");
    /** Head room over the classes' metadata, which is about what the archive holds. */
    private static final long SPACE_MARGIN = 64L << 20;

    private final Path archive;
    /** The installation checksum in the archive's name; empty for a name the launcher did not make. */
    private final Optional<String> installation;
    private boolean writable;

    ClassDataArchive(Path archive) {
        this.archive = requireNonNull(archive, "archive is null").toAbsolutePath();
        Matcher name = NAME.matcher(this.archive.getFileName().toString());
        this.installation = name.matches() ? Optional.of(name.group(1)) : Optional.empty();
    }

    /** The archive the launcher asked for, if any. */
    static Optional<ClassDataArchive> requested() {
        return Optional.ofNullable(System.getProperty(ARCHIVE_PROPERTY)).filter(path -> !path.isBlank())
                .map(path -> new ClassDataArchive(Path.of(path)));
    }

    Path path() {
        return archive;
    }

    Path failureMarker() {
        return archive.resolveSibling(archive.getFileName() + ".failed");
    }

    /**
     * Before the run: makes the archive's directory, and says once why no archive will be written
     * when it cannot, so that slow starts have a visible reason.
     */
    void prepare() {
        Path directory = archive.getParent();
        try {
            Files.createDirectories(directory);
            writable = Files.isWritable(directory);
        }
        catch (IOException | SecurityException e) {
            writable = false;
        }
        if (!writable) {
            LOG.info("Class-data sharing: cannot write an archive to [{}], so every start reads its classes from the jars; "
                    + "set SLUICE_CDS_DIR to a writable directory, or SLUICE_CDS=off", directory);
        }
    }

    /**
     * After a graceful stop: dumps the classes loaded so far into the archive, unless another
     * start wrote it meanwhile. Logs what happened; never throws.
     */
    void write(ClassLoader loader) {
        if (!writable || Files.exists(archive)) {
            return;
        }
        Optional<String> unusable = unusableClassPath(System.getProperty("java.class.path", ""));
        if (unusable.isPresent()) {
            fail(unusable.get());
            return;
        }
        Path directory = archive.getParent();
        long needed = metaspaceUsed() * 2 + SPACE_MARGIN;
        if (directory.toFile().getUsableSpace() < needed) {
            // The JVM exits when a dump runs out of space: do not start one that might.
            LOG.info("Class-data sharing: not writing the archive: [{}] has less than {} MB free", directory, needed >> 20);
            return;
        }
        deleteAbandonedDumps();
        Path temporary = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        long start = System.nanoTime();
        try {
            int visited = linkLoadedClasses(loader);
            LOG.debug("Class-data sharing: linked the loaded classes ({} visited) for the archive in {} ms", visited, (System.nanoTime() - start) / 1_000_000);
            String output = dump(temporary);
            if (!Files.isRegularFile(temporary) || Files.size(temporary) == 0) {
                fail("the JVM wrote no archive: " + output.strip().replaceAll("\\s+", " "));
                return;
            }
            Files.move(temporary, archive, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Class-data sharing: wrote [{}] ({} MB in {} ms); later starts load their classes from it", archive,
                    Files.size(archive) >> 20, (System.nanoTime() - start) / 1_000_000);
            deleteOtherInstallations();
        }
        catch (IOException | JMException | RuntimeException e) {
            fail(e.toString());
        }
        finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * The JVM refuses (by exiting) to archive classes of jars listed after a non-empty directory;
     * the launcher's class path has its one directory last, but a hand-made command line may not.
     */
    static Optional<String> unusableClassPath(String classPath) {
        List<String> entries = List.of(classPath.split(File.pathSeparator));
        for (int i = 0; i < entries.size() - 1; i++) {
            if (Files.isDirectory(Path.of(entries.get(i)))) {
                return Optional.of("class path entry [" + entries.get(i) + "] is a directory before other entries; "
                        + "the JVM archives classes only when directories come last");
            }
        }
        return Optional.empty();
    }

    /**
     * Links the classes loaded so far, without initializing them. JDK 17 archives linked classes
     * only, and links the loaded ones itself before a dump at exit, but not before a dump on request:
     * left alone, some 2 000 classes a run loads and never links (log4j's plugins, classes the
     * verifier looked at) stay out, and every start reads them from the jars again. Reflecting on a
     * class's public fields links it; classes {@code loader} cannot see are skipped, as are those
     * that fail to link, which the JVM leaves out anyway. Returns how many classes were visited.
     */
    static int linkLoadedClasses(ClassLoader loader) throws JMException {
        int visited = 0;
        for (String name : loadedClassNames(diagnosticCommand("vmClassHierarchy"))) {
            try {
                Class.forName(name, false, loader).getFields();
                visited++;
            }
            catch (ClassNotFoundException | LinkageError | SecurityException e) {
                // Defined by a loader outside loader's delegation, or not linkable: not archived.
            }
        }
        return visited;
    }

    /**
     * The names in {@code VM.class_hierarchy}'s output, one class a line, such as
     * {@code |  |--io.sluice.Foo/0x00007f5da01719a0 (intf)}. Hidden classes (lambdas, method
     * handle forms), which carry a second address and cannot be looked up by name, are left out.
     */
    static List<String> loadedClassNames(String hierarchy) {
        List<String> names = new ArrayList<>();
        for (String line : hierarchy.split("\\R")) {
            int start = line.lastIndexOf("|--");
            String entry = (start < 0 ? line : line.substring(start + 3)).strip();
            int space = entry.indexOf(' ');
            String[] parts = (space < 0 ? entry : entry.substring(0, space)).split("/");
            if (parts.length == 2 && !parts[0].isEmpty()) {
                names.add(parts[0]);
            }
        }
        return names;
    }

    /** Runs {@code VM.cds dynamic_dump}; returns its output. The JDK prints a line to stdout, which belongs to the console sink. */
    private static String dump(Path file) throws JMException {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, UTF_8));
        try {
            return diagnosticCommand("vmCds", "dynamic_dump", file.toString()) + " " + printed.toString(UTF_8);
        }
        finally {
            System.setOut(stdout);
        }
    }

    /** Runs one of the JVM's diagnostic commands (what {@code jcmd} runs), by its MBean operation name; returns its output. */
    private static String diagnosticCommand(String operation, String... arguments) throws JMException {
        Object output = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                operation, new Object[] {arguments}, new String[] {String[].class.getName()});
        return String.valueOf(output);
    }

    private static long metaspaceUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.NON_HEAP && pool.getName().contains("Metaspace"))
                .map(MemoryPoolMXBean::getUsage)
                .mapToLong(usage -> usage == null ? 0 : usage.getUsed())
                .sum();
    }

    private void fail(String reason) {
        LOG.warn("Class-data sharing: could not write the archive [{}]: {}; starts read their classes from the jars. "
                + "Delete [{}] to try again", archive, reason, failureMarker());
        try {
            Files.writeString(failureMarker(), Instant.now() + " " + reason + System.lineSeparator(), UTF_8);
        }
        catch (IOException e) {
            LOG.debug("Cannot write {}: {}", failureMarker(), e.toString());
        }
    }

    /** Deletes the archives (and failure notes) of other installation checksums, which no start can use. */
    void deleteOtherInstallations() {
        if (installation.isEmpty()) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), "sluice-*.jsa*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Matcher matcher = NAME.matcher(name.replaceFirst("\\.jsa.*", ".jsa"));
                // Dumps in progress are another start's; deleteAbandonedDumps() handles those left behind.
                if (matcher.matches() && !matcher.group(1).equals(installation.get()) && !TEMPORARY.matcher(name).matches()) {
                    deleteQuietly(file);
                }
            }
        }
        catch (IOException e) {
            LOG.debug("Cannot list {}: {}", archive.getParent(), e.toString());
        }
    }

    /** Deletes what dumps of processes that no longer run left behind (killed while dumping): tens of megabytes each. */
    void deleteAbandonedDumps() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), "sluice-*.jsa.*.tmp*")) {
            for (Path file : files) {
                Matcher matcher = TEMPORARY.matcher(file.getFileName().toString());
                if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty()) {
                    deleteQuietly(file);
                }
            }
        }
        catch (IOException e) {
            LOG.debug("Cannot list {}: {}", archive.getParent(), e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            LOG.debug("Cannot delete {}: {}", file, e.toString());
        }
    }
}
