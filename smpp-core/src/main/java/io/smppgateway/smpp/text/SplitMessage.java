package io.smppgateway.smpp.text;

import java.util.List;

/**
 * A text ready to send: its data coding and its segments, in part order.
 *
 * @param dataCoding the data_coding of every segment
 * @param alphabet how the text is written
 * @param method how the parts are tied together (unused when there is one segment)
 * @param segments one or more, at most 255
 */
public record SplitMessage(DataCoding dataCoding, Alphabet alphabet, ConcatenationMethod method, List<Segment> segments) {

    public SplitMessage {
        if (dataCoding == null || alphabet == null || method == null) {
            throw new IllegalArgumentException("dataCoding, alphabet and method are required");
        }
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.size() > Concatenation.MAX_PARTS) {
            throw new IllegalArgumentException("a message has 1 to 255 segments: " + segments.size());
        }
    }

    /** How many short messages go out. */
    public int totalParts() {
        return segments.size();
    }
}
