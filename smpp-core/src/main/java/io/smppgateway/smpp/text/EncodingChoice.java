package io.smppgateway.smpp.text;

/**
 * The data coding chosen for a text and what it costs: how many units the text takes and in how
 * many segments it goes. Made by {@link EncodingChooser}; {@link MessageSplitter} builds the
 * segments from it.
 *
 * @param dataCoding the data_coding to send
 * @param alphabet how the text is written under that data coding
 * @param method how the parts are tied together when there is more than one
 * @param units the units the whole text takes ({@link Alphabet#units})
 * @param segments how many short messages the text needs; above {@link Concatenation#MAX_PARTS}
 *        it cannot be sent
 * @param segmentCapacity the units each segment holds: the single-message limit when
 *        {@code segments} is 1, the per-part limit of {@code method} otherwise
 */
public record EncodingChoice(DataCoding dataCoding, Alphabet alphabet, ConcatenationMethod method,
                             int units, int segments, int segmentCapacity) {

    public EncodingChoice {
        if (dataCoding == null || alphabet == null || method == null) {
            throw new IllegalArgumentException("dataCoding, alphabet and method are required");
        }
        if (units < 0 || segments < 1 || segmentCapacity < 1) {
            throw new IllegalArgumentException(String.format(
                    "units %d, segments %d and segment capacity %d are out of range", units, segments, segmentCapacity));
        }
    }

    /** Whether the text fits in one short message, with no concatenation. */
    public boolean isSinglePart() {
        return segments == 1;
    }

    /** Whether the text can be sent at all: at most 255 segments. */
    public boolean fitsMaxParts() {
        return segments <= Concatenation.MAX_PARTS;
    }
}
