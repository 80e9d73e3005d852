package io.smppgateway.runner.e2e;

import com.google.gson.JsonObject;
import io.smppgateway.runner.e2e.CloudhopperSmsc.Submission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the SIGKILL of one gateway process may cost the SMS_OUT it worked on, as docs/message-flows.md
 * ("A crash") promises, taken at the kill ({@link #atKill}) and checked once everything settled
 * ({@link #settle}):
 * <ul>
 *   <li>the SMSC got each message once; twice only for a segment the killed process submitted
 *       whose submit_sm_resp it had not recorded (no row in the database at the kill), the second
 *       time on a session of another process (the restarted one, or another cluster member);</li>
 *   <li>one final DLR_IN {@code delivered}; twice (the same event, a later {@code dlr_time}) only for
 *       a receipt the killed process was sent and did not answer;</li>
 *   <li>a {@code sent} for every message.</li>
 * </ul>
 *
 * @param killedSessions the SMSC sessions of the killed process
 * @param statusAtKill   each segment's status in {@code outbound_segments} right after the kill
 */
public record KillAccount(Set<Long> killedSessions, Map<String, String> statusAtKill) {

    public KillAccount {
        killedSessions = Set.copyOf(killedSessions);
        statusAtKill = Map.copyOf(statusAtKill);
    }

    /** Reads the segments' statuses the killed process left in {@code database}; call it right after the kill. */
    public static KillAccount atKill(String database, Set<Long> killedSessions) throws SQLException {
        Map<String, String> statuses = new HashMap<>();
        try (Connection connection = TestServices.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT msg_id, status FROM outbound_segments")) {
            while (rows.next()) {
                statuses.put(rows.getString(1), rows.getString(2));
            }
        }
        return new KillAccount(killedSessions, statuses);
    }

    /**
     * What came of the messages once everything settled.
     *
     * @param finalsNotAsDocumented  msg_id to all its statuses, for each whose final DLR_IN is not as promised
     * @param submitsNotAsDocumented msg_id to what was seen, for each submitted other than as promised
     * @param withoutSent            msg_ids never reported {@code sent}
     * @param resubmitted            messages submitted twice as documented
     * @param finalTwice             messages whose final event was published twice as documented
     * @param unrecordedAtKill       messages the killed process submitted without a row at the kill
     */
    public record Settled(Map<String, List<String>> finalsNotAsDocumented, Map<String, String> submitsNotAsDocumented,
                          List<String> withoutSent, int resubmitted, int finalTwice, long unrecordedAtKill) {
    }

    /** Checks each of {@code msgIds} (the SMS_OUT whose text is their msg_id) against what the SMSC and DLR_IN saw. */
    public Settled settle(List<String> msgIds, CloudhopperSmsc smsc, DlrInRecorder dlrIn) {
        Map<String, List<Submission>> submitsByMsgId = smsc.submissions().stream()
                .collect(Collectors.groupingBy(Submission::text));
        Set<String> receiptUnansweredByTheKilled = smsc.receiptAttempts().stream()
                .filter(attempt -> killedSessions.contains(attempt.sessionId()) && !attempt.acknowledged())
                .map(attempt -> attempt.submit().text()).collect(Collectors.toSet());
        Map<String, List<String>> finalsNotAsDocumented = new TreeMap<>();
        Map<String, String> submitsNotAsDocumented = new TreeMap<>();
        List<String> withoutSent = new ArrayList<>();
        int resubmitted = 0;
        int finalTwice = 0;
        for (String id : msgIds) {
            List<JsonObject> finals = dlrIn.finals(id);
            boolean oneFinal = finals.size() == 1 && finals.get(0).get("status").getAsString().equals("delivered");
            boolean sameFinalTwice = finals.size() == 2 && withoutDlrTime(finals.get(0)).equals(
                    withoutDlrTime(finals.get(1))) && finals.get(0).get("status").getAsString().equals("delivered")
                    && receiptUnansweredByTheKilled.contains(id);
            if (sameFinalTwice) {
                finalTwice++;
            } else if (!oneFinal) {
                finalsNotAsDocumented.put(id, dlrIn.statuses().get(id));
            }
            if (dlrIn.withStatus(id, "sent").isEmpty()) {
                withoutSent.add(id);
            }
            List<Submission> submits = submitsByMsgId.getOrDefault(id, List.of());
            String status = statusAtKill.getOrDefault(id, "untracked");
            boolean resentAsDocumented = submits.size() == 2 && status.equals("untracked")
                    && killedSessions.contains(submits.get(0).sessionId())
                    && !killedSessions.contains(submits.get(1).sessionId());
            if (resentAsDocumented) {
                resubmitted++;
            } else if (submits.size() != 1) {
                submitsNotAsDocumented.put(id, submits.size() + " submits, at the kill " + status
                        + ", sessions " + submits.stream().map(Submission::sessionId).toList());
            }
        }
        long unrecordedAtKill = submitsByMsgId.entrySet().stream()
                .filter(e -> killedSessions.contains(e.getValue().get(0).sessionId()))
                .filter(e -> !statusAtKill.containsKey(e.getKey())).count();
        return new Settled(finalsNotAsDocumented, submitsNotAsDocumented, withoutSent, resubmitted, finalTwice,
                unrecordedAtKill);
    }

    private static JsonObject withoutDlrTime(JsonObject event) {
        JsonObject copy = event.deepCopy();
        copy.remove("dlr_time");
        return copy;
    }
}
