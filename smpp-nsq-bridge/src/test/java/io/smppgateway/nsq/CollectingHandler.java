package io.smppgateway.nsq;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A handler that finishes every message and remembers what it saw. */
final class CollectingHandler implements NsqMessageHandler {

    final List<NsqMessage> messages = new CopyOnWriteArrayList<>();
    final Set<String> bodies = ConcurrentHashMap.newKeySet();

    @Override
    public void handle(NsqDelivery delivery) {
        messages.add(delivery.message());
        bodies.add(delivery.message().bodyAsString());
        delivery.finish();
    }
}
