package io.smppgateway.http.live;

import java.util.List;

/**
 * The gateway's own recent log (not the PDU logs): the last events this instance logged, as the
 * runner keeps them in memory, for the panel's log page.
 */
public interface DaemonLog {

    /** The last {@code max} events at most, oldest first, each formatted (a stack trace on its next lines). */
    List<String> recentLines(int max);
}
