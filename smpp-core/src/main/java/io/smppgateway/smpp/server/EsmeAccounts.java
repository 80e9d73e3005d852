package io.smppgateway.smpp.server;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Where the server looks accounts up by system_id; the host backs it with its store. */
@FunctionalInterface
public interface EsmeAccounts {

    CompletableFuture<Optional<EsmeAccount>> findBySystemId(String systemId);
}
