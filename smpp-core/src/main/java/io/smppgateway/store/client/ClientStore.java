package io.smppgateway.store.client;

import java.util.List;
import java.util.Optional;

/**
 * The ESMEs allowed to bind. Calls are synchronous and short (one indexed statement): make them
 * from a worker thread, never from a Netty event loop.
 */
public interface ClientStore {

    /** @throws io.smppgateway.store.DuplicateException when its {@code username} is taken */
    Client create(Client client);

    /**
     * Replaces the client with {@code client.id()}; keeps {@code created}, sets {@code updated}.
     *
     * @throws io.smppgateway.store.NotFoundException when no client has that id
     * @throws io.smppgateway.store.DuplicateException when the new {@code username} is another's
     */
    Client update(Client client);

    /** @throws io.smppgateway.store.NotFoundException when no client has that id */
    void delete(long id);

    Optional<Client> find(long id);

    Optional<Client> findByUsername(String username);

    /** Every client, by id. */
    List<Client> list();
}
