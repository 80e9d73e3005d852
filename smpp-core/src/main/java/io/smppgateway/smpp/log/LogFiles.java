package io.smppgateway.smpp.log;

import java.nio.file.Path;
import java.time.LocalDate;

/** Where one peer's PDU log for one day is written; the REST API lists and serves the same layout. */
@FunctionalInterface
public interface LogFiles {

    Path file(Path root, LocalDate day, String peer);
}
