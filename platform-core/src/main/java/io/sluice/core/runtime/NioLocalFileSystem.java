package io.sluice.core.runtime;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}), setting permissions through {@code java.nio} instead of
 * a {@code chmod} process. Without Hadoop's native library, which Sluice does not ship, every file and
 * directory it creates starts one: a local checkpoint made six or seven a batch (Spark's checkpoint
 * file and its checksum, twice; the stored positions and their checksum), 6 ms each here, two of
 * them in the batch's own commit. Sluice sets it as {@code fs.file.impl} on embedded Spark, where
 * the checkpoint and the {@code file} sink get it; everything else is Hadoop's.
 */
public final class NioLocalFileSystem extends LocalFileSystem {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    public NioLocalFileSystem() {
        super(new Raw());
    }

    /** The raw (checksum-less) file system under it. Public for Hadoop's reflection. */
    public static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path path, FsPermission permission) throws IOException {
            // java.nio has no sticky bit, and a file system without POSIX attributes needs Hadoop's own way.
            if (!POSIX || permission.getStickyBit()) {
                super.setPermission(path, permission);
                return;
            }
            try {
                Files.setPosixFilePermissions(pathToFile(path).toPath(), posixPermissions(permission.toShort()));
            }
            catch (NoSuchFileException e) {
                throw new FileNotFoundException("File " + path + " does not exist");
            }
        }
    }

    private static Set<PosixFilePermission> posixPermissions(short mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        // PosixFilePermission lists owner, group and others, read-write-execute each: bit 8 down to bit 0.
        PosixFilePermission[] byBit = PosixFilePermission.values();
        for (int i = 0; i < byBit.length; i++) {
            if ((mode & (1 << (byBit.length - 1 - i))) != 0) {
                permissions.add(byBit[i]);
            }
        }
        return permissions;
    }
}
