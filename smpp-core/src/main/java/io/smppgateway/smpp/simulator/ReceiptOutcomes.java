package io.smppgateway.smpp.simulator;

import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.receipt.MessageState;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How often each final status comes back in the simulator's delivery receipts, as relative
 * weights: {@code DELIVRD=90,UNDELIV=5,REJECTD=5} sends 90 % DELIVRD.
 */
public record ReceiptOutcomes(Map<FinalStatus, Integer> weights) {

    public ReceiptOutcomes {
        EnumMap<FinalStatus, Integer> copy = new EnumMap<>(FinalStatus.class);
        long total = 0;
        for (Map.Entry<FinalStatus, Integer> entry : weights.entrySet()) {
            if (entry.getValue() < 0) {
                throw new IllegalArgumentException("weight of " + entry.getKey() + " must not be negative");
            }
            if (entry.getValue() > 0) {
                copy.put(entry.getKey(), entry.getValue());
                total += entry.getValue();
            }
        }
        if (total == 0) {
            throw new IllegalArgumentException("at least one outcome needs a positive weight");
        }
        weights = Collections.unmodifiableMap(copy);
    }

    /** 90 % delivered, 5 % undeliverable, 5 % rejected. */
    public static ReceiptOutcomes defaults() {
        return new ReceiptOutcomes(Map.of(FinalStatus.DELIVERED, 90, FinalStatus.UNDELIVERED, 5,
                FinalStatus.REJECTED, 5));
    }

    public static ReceiptOutcomes always(FinalStatus status) {
        return new ReceiptOutcomes(Map.of(status, 1));
    }

    /**
     * Reads {@code WORD=weight} pairs separated by commas, where a word is a stat word
     * ({@code DELIVRD}, {@code UNDELIV}, ...) or a status name ({@code delivered}, ...).
     */
    public static ReceiptOutcomes parse(String text) {
        EnumMap<FinalStatus, Integer> weights = new EnumMap<>(FinalStatus.class);
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("expected WORD=weight, got [" + pair.trim() + "]");
            }
            String word = pair.substring(0, equals).trim();
            FinalStatus status = FinalStatus.of(word)
                    .or(() -> MessageState.fromStatWord(word).flatMap(FinalStatus::of))
                    .orElseThrow(() -> new IllegalArgumentException("not a final status: [" + word + "]"));
            int weight;
            try {
                weight = Integer.parseInt(pair.substring(equals + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight of " + word + " is not a number: " + pair.trim(), e);
            }
            weights.merge(status, weight, Integer::sum);
        }
        return new ReceiptOutcomes(weights);
    }

    /** The outcome for a uniform draw in [0, 1): the weights laid end to end in status order. */
    public FinalStatus pick(double uniform) {
        if (!(uniform >= 0 && uniform < 1)) {
            throw new IllegalArgumentException("draw must be in [0, 1), was " + uniform);
        }
        long total = weights.values().stream().mapToLong(Integer::longValue).sum();
        double point = uniform * total;
        long reached = 0;
        FinalStatus last = null;
        for (Map.Entry<FinalStatus, Integer> entry : weights.entrySet()) {
            reached += entry.getValue();
            last = entry.getKey();
            if (point < reached) {
                return last;
            }
        }
        return last;
    }
}
