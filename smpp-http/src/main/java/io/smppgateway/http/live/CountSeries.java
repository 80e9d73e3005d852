package io.smppgateway.http.live;

import java.util.Objects;

/**
 * How many of something happened in each step of a {@link TrafficWindow}.
 *
 * @param family  what is counted
 * @param peer    the smsc_id, username or DLR status it is of; empty for the totals and for
 *                {@code other}
 * @param other   whether it adds up the peers (or statuses) beyond the ones kept each in a series
 * @param perStep the count in each step, oldest first
 */
public record CountSeries(TrafficFamily family, String peer, boolean other, long[] perStep) {

    public CountSeries {
        Objects.requireNonNull(family, "family");
        peer = peer == null ? "" : peer;
        perStep = perStep.clone();
    }

    @Override
    public long[] perStep() {
        return perStep.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountSeries that && family == that.family && peer.equals(that.peer) && other == that.other
                && java.util.Arrays.equals(perStep, that.perStep);
    }

    @Override
    public int hashCode() {
        return Objects.hash(family, peer, other, java.util.Arrays.hashCode(perStep));
    }

    @Override
    public String toString() {
        return family + "/" + (other ? "other" : peer) + java.util.Arrays.toString(perStep);
    }
}
