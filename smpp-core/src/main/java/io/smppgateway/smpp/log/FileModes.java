package io.smppgateway.smpp.log;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Who may read the folders and files a writer creates: one mode for the folders, one for the files.
 * The modes are set explicitly after creating, so that a permissive umask does not widen them; on
 * a file system without POSIX permissions (Windows) the folder's ACL is all there is and nothing
 * is changed.
 *
 * <p>The PDU logs hold traffic, not secrets, and a log shipper running in the gateway's group may
 * read them: {@link #PDU_LOGS}, {@code 0750} folders and {@code 0640} files. A host names its own
 * modes for what only its user may read (the daemon's database and credentials).
 */
public final class FileModes {

    /** The PDU logs: the owner writes, the group reads. */
    public static final FileModes PDU_LOGS = of("rwxr-x---", "rw-r-----");

    private final Set<PosixFilePermission> folderMode;
    private final Set<PosixFilePermission> fileMode;

    private FileModes(Set<PosixFilePermission> folderMode, Set<PosixFilePermission> fileMode) {
        this.folderMode = folderMode;
        this.fileMode = fileMode;
    }

    /** The modes in {@code ls -l} form, {@code rwxr-x---} for a folder and {@code rw-r-----} for a file. */
    public static FileModes of(String folderMode, String fileMode) {
        return new FileModes(Set.copyOf(PosixFilePermissions.fromString(folderMode)),
                Set.copyOf(PosixFilePermissions.fromString(fileMode)));
    }

    /** Creates {@code folder} and the missing folders above it with the folder mode; existing ones are left as they are. */
    public void createFolders(Path folder) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = folder.toAbsolutePath().normalize(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                Files.createDirectory(next);
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(next)) {
                    throw raced;
                }
                continue;
            }
            setMode(next, folderMode);
        }
    }

    /** Gives an existing file the file mode. */
    public void restrictFile(Path file) throws IOException {
        setMode(file, fileMode);
    }

    private static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, mode);
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions on this file system
        }
    }
}
