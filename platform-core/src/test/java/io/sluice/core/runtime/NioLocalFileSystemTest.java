package io.sluice.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {
    @TempDir
    java.nio.file.Path directory;

    @Test
    void createsFilesAndDirectoriesWithHadoopsPermissions() throws Exception {
        try (FileSystem fs = newFileSystem()) {
            Path dir = new Path(directory.toUri().toString(), "a/b");
            assertThat(fs.mkdirs(dir, new FsPermission((short) 0750))).isTrue();
            try (FSDataOutputStream out = fs.create(new Path(dir, "file"), new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
                out.write("data".getBytes(StandardCharsets.UTF_8));
            }

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("a/b")))).isEqualTo("rwxr-x---");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("a/b/file")))).isEqualTo("rw-r-----");
            assertThat(Files.readString(directory.resolve("a/b/file"))).isEqualTo("data");
            // Checksummed, as Hadoop's own local file system is.
            assertThat(directory.resolve("a/b/.file.crc")).exists();
            assertThat(fs.getFileStatus(new Path(dir, "file")).getPermission().toShort()).isEqualTo((short) 0640);
        }
    }

    @Test
    void setsEveryPermissionBit() throws Exception {
        try (FileSystem fs = newFileSystem()) {
            Path file = new Path(directory.toUri().toString(), "file");
            fs.create(file).close();
            for (short mode : new short[] {0777, 0754, 0421, 0000, 0600}) {
                fs.setPermission(file, new FsPermission(mode));
                assertThat(fs.getFileStatus(file).getPermission().toShort()).as("mode %o", mode).isEqualTo(mode);
            }
        }
    }

    @Test
    void missingFileIsNotFound() throws Exception {
        try (FileSystem fs = newFileSystem()) {
            assertThatThrownBy(() -> fs.setPermission(new Path(directory.toUri().toString(), "missing"), new FsPermission((short) 0644)))
                    .isInstanceOf(FileNotFoundException.class);
        }
    }

    private static FileSystem newFileSystem() throws Exception {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", NioLocalFileSystem.class.getName());
        FileSystem fs = FileSystem.newInstance(java.net.URI.create("file:///"), conf);
        assertThat(fs).isInstanceOf(NioLocalFileSystem.class);
        return fs;
    }
}
