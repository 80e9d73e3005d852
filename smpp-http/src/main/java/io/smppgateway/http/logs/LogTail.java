package io.smppgateway.http.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bounded piece of a growing log file, in whole lines: the last lines (no start given), or what
 * was written after {@code from}, at most {@code maxBytes} either way, for a viewer that follows the
 * file by asking again from {@link #next()}.
 *
 * @param size      the file's size when read
 * @param from      where the text starts in the file
 * @param next      where the next read starts: just after the text's last line
 * @param text      whole lines only (a line longer than the bound comes in pieces)
 * @param restarted the file is shorter than the {@code from} asked for (it was replaced): the text
 *                  is its last lines instead
 */
public record LogTail(long size, long from, long next, String text, boolean restarted) {

    /** Reads the tail of {@code file}; {@code from} is null for the last lines. */
    public static LogTail read(Path file, Long from, int maxBytes) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            boolean restarted = from != null && from > size;
            boolean lastLines = from == null || restarted;
            long start = lastLines ? Math.max(0, size - maxBytes) : from;
            int length = (int) Math.min(maxBytes, size - start);
            ByteBuffer bytes = ByteBuffer.allocate(length);
            channel.position(start);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // read until the buffer is full or the file ends
            }
            byte[] read = bytes.array();
            int filled = bytes.position();
            int head = 0;
            if (lastLines && start > 0) {
                // the first line is cut: start after it, when there is a line break at all
                int firstBreak = indexOf(read, (byte) '\n', 0, filled);
                head = firstBreak < 0 ? 0 : firstBreak + 1;
            }
            int end = lastIndexOf(read, (byte) '\n', head, filled) + 1;
            if (end <= head) {
                // no whole line: a line longer than the bound comes in pieces, a half-written one waits
                end = filled == maxBytes ? filled : head;
            }
            String text = new String(read, head, end - head, StandardCharsets.UTF_8);
            return new LogTail(size, start + head, start + end, text, restarted);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return from - 1;
    }
}
