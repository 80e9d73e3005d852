package io.smppgateway.http.logs;

import io.smppgateway.smpp.log.LogFileLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The PDU log files under one log folder: lists them by date range and peer, and resolves a file id
 * from a request to a file that is certainly inside the folder. Blocking file I/O: call it from a
 * worker thread.
 */
public final class LogCatalog {

    /** The longest file name the usual file systems (ext4, XFS, NTFS) take, in bytes. */
    static final int MAX_FILE_NAME_BYTES = 255;
    /** {@code yyyy-MM-dd}, the id's first part. */
    private static final int DATE_LENGTH = 10;

    private final Path root;
    private final ZoneId zone;

    public LogCatalog(Path root, ZoneId zone) {
        this.root = root.toAbsolutePath().normalize();
        this.zone = zone;
    }

    /**
     * The log files dated {@code from} to {@code to} (both included), of the given peers (all when
     * {@code peers} is empty), by date then name. Files that are not ours (other names, folders that
     * are not dates, symbolic links) are not listed.
     */
    public List<LogFile> list(LocalDate from, LocalDate to, Set<String> peers) {
        List<LogFile> files = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (DirectoryStream<Path> days = Files.newDirectoryStream(root)) {
            for (Path dayFolder : days) {
                Optional<LocalDate> day = LogFileLayout.parseDay(dayFolder.getFileName().toString());
                if (day.isEmpty() || day.get().isBefore(from) || day.get().isAfter(to)
                        || !Files.isDirectory(dayFolder, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                addFiles(day.get(), dayFolder, peers, files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        files.sort(Comparator.comparing(LogFile::date).thenComparing(LogFile::name));
        return files;
    }

    private void addFiles(LocalDate day, Path dayFolder, Set<String> peers, List<LogFile> files) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dayFolder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                Optional<String> peer = LogFileLayout.peerOf(name);
                if (peer.isEmpty() || (!peers.isEmpty() && !peers.contains(peer.get()))) {
                    continue;
                }
                describe(day, name, peer.get(), entry).ifPresent(files::add);
            }
        } catch (NoSuchFileException e) {
            // the day folder went away while we listed: nothing to show for it
        }
    }

    private Optional<LogFile> describe(LocalDate day, String name, String peer, Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        LocalDateTime modified = LocalDateTime.ofInstant(attributes.lastModifiedTime().toInstant(), zone);
        return Optional.of(new LogFile(day, name, peer, attributes.size(), modified));
    }

    /**
     * The file a download names by its id ({@code <yyyy-MM-dd><name>.log}).
     *
     * @throws InvalidLogFileIdException when the id is not of that form, or would name anything
     *         outside this folder ({@code ../}, absolute paths, encoded or doubly encoded forms)
     * @throws LogFileNotFoundException when it is well formed but there is no such file
     */
    public LogFile resolve(String fileId) {
        Path file = check(fileId);
        LocalDate day = LogFileLayout.dayOf(fileId).orElseThrow();
        String name = LogFileLayout.fileNameOf(fileId);
        String peer = LogFileLayout.peerOf(name).orElseThrow();
        try {
            Optional<LogFile> found = describe(day, name, peer, file);
            if (found.isEmpty()) {
                throw new LogFileNotFoundException(fileId);
            }
            // the day folder itself must not be a link that leads elsewhere
            Path real = file.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                throw new InvalidLogFileIdException(fileId, "outside the log folder");
            }
            return found.get();
        } catch (NoSuchFileException e) {
            throw new LogFileNotFoundException(fileId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Checks a file id's form without touching the file system, and returns the path it names.
     *
     * @throws InvalidLogFileIdException as {@link #resolve} does
     */
    public Path check(String fileId) {
        if (fileId == null || fileId.isEmpty()) {
            throw new InvalidLogFileIdException(String.valueOf(fileId), "empty file id");
        }
        // checked before the name reaches the file system, which would fail with "file name too long"
        if (fileId.length() > DATE_LENGTH + MAX_FILE_NAME_BYTES
                || fileId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > DATE_LENGTH + MAX_FILE_NAME_BYTES) {
            throw new InvalidLogFileIdException(fileId, "longer than any log file name (at most "
                    + MAX_FILE_NAME_BYTES + " bytes after the date)");
        }
        LocalDate day = LogFileLayout.dayOf(fileId)
                .orElseThrow(() -> new InvalidLogFileIdException(fileId, "must start with a date yyyy-MM-dd"));
        String peer = LogFileLayout.peerOf(LogFileLayout.fileNameOf(fileId))
                .orElseThrow(() -> new InvalidLogFileIdException(fileId, "not a log file name"));
        Path file = LogFileLayout.file(root, day, peer).normalize();
        if (!file.startsWith(root) || !file.getParent().getParent().equals(root)) {
            throw new InvalidLogFileIdException(fileId, "outside the log folder");
        }
        return file;
    }

    /** The time zone of the files' {@link LogFile#modTime()}. */
    public ZoneId zone() {
        return zone;
    }

    /** The path of a file {@link #resolve} returned. */
    public Path pathOf(LogFile file) {
        return LogFileLayout.file(root, file.date(), file.peer());
    }
}
