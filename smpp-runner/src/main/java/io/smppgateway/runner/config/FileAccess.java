package io.smppgateway.runner.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Who may read what the gateway writes. The data folder holds the embedded database (ESME and
 * SMSC passwords) and the generated credentials: the gateway's user only ({@code 0700} folders,
 * {@code 0600} files). The PDU logs hold traffic, not secrets, and a log shipper running in the
 * gateway's group may read them ({@code 0750} folders, {@code 0640} files). The modes are set
 * explicitly after creating, so a permissive umask does not widen them; on a file system without
 * POSIX permissions (Windows) the folder's ACL is all there is and nothing is changed.
 */
public enum FileAccess {

    /** The database and credentials: owner only. */
    DATA("rwx------", "rw-------"),
    /** The PDU logs: the owner writes, the group reads. */
    PDU_LOGS("rwxr-x---", "rw-r-----");

    private final Set<PosixFilePermission> folderMode;
    private final Set<PosixFilePermission> fileMode;

    FileAccess(String folderMode, String fileMode) {
        this.folderMode = PosixFilePermissions.fromString(folderMode);
        this.fileMode = PosixFilePermissions.fromString(fileMode);
    }

    /** Creates {@code folder} and the missing folders above it with this mode; existing ones are left as they are. */
    public void createFolders(Path folder) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = folder.toAbsolutePath().normalize(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                Files.createDirectory(next);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                if (!Files.isDirectory(next)) {
                    throw raced;
                }
                continue;
            }
            setMode(next, folderMode);
        }
    }

    /** Gives an existing file this mode's file permissions. */
    public void restrictFile(Path file) throws IOException {
        setMode(file, fileMode);
    }

    public Set<PosixFilePermission> fileMode() {
        return fileMode;
    }

    public Set<PosixFilePermission> folderMode() {
        return folderMode;
    }

    private static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, mode);
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions on this file system
        }
    }
}
