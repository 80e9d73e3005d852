package io.smppgateway.store.gateway;

import java.util.List;
import java.util.Optional;

/**
 * The SMSCs we send through. Calls are synchronous and short (one indexed statement): make them
 * from a worker thread (the REST API's, the runner's), never from a Netty event loop.
 */
public interface GatewayStore {

    /**
     * Stores a new gateway; its {@code id}, {@code created} and {@code updated} are assigned.
     *
     * @throws io.smppgateway.store.DuplicateException when its {@code smsc_id} is taken
     */
    Gateway create(Gateway gateway);

    /**
     * Replaces the gateway with {@code gateway.id()}; keeps {@code created}, sets {@code updated}.
     *
     * @throws io.smppgateway.store.NotFoundException when no gateway has that id
     * @throws io.smppgateway.store.DuplicateException when the new {@code smsc_id} is another's
     */
    Gateway update(Gateway gateway);

    /** @throws io.smppgateway.store.NotFoundException when no gateway has that id */
    void delete(long id);

    Optional<Gateway> find(long id);

    Optional<Gateway> findBySmscId(String smscId);

    /** Every gateway, by id. */
    List<Gateway> list();
}
