package io.smppgateway.store.cluster;

import java.util.List;

/**
 * The gateway instances that share the stores, the ESME binds each holds, and the connections each
 * publishes: what several instances must agree on to behave as one gateway, and what any of them
 * shows of all. Times are unix milliseconds.
 */
public interface ClusterStore {

    /**
     * Says the instance is alive at {@code now}; its row is created the first time, and again when
     * it had been taken as gone. Creating it also clears the connections left by instances whose row
     * is gone (an instance of a release before {@code live_connections} removes rows without them).
     *
     * @return whether the row was created: the instance has no binds or connections recorded
     */
    boolean heartbeat(String instanceId, String host, long now);

    /**
     * Removes the instances whose last heartbeat is before {@code deadBefore}, with the binds they
     * held and the connections they published (their process is gone, so are its sessions).
     *
     * @return the ids of the instances removed
     */
    List<String> removeDead(long deadBefore);

    /** The instances whose last heartbeat is at or after {@code aliveSince}, oldest start first. */
    List<String> live(long aliveSince);

    /** The same instances as {@link #live}, with their host and times. */
    List<Instance> liveInstances(long aliveSince);

    /**
     * Records a bind of the client when it holds fewer than {@code cap} binds across every instance.
     * Two instances reserving for the same client at the same moment are serialised: the cap holds.
     *
     * @return whether the bind was recorded
     */
    boolean reserveBind(long clientId, int cap, String sessionId, String instanceId, long now);

    /** The bind's session closed. */
    void releaseBind(String sessionId);

    /** Binds the client holds across every instance. */
    int bindsOf(long clientId);

    /**
     * Replaces the connections the instance published with {@code connections}, its every ESME bind
     * and SMSC bind at this moment.
     */
    void publishConnections(String instanceId, List<ConnectionSnapshot> connections);

    /**
     * The connections published by every instance other than {@code instanceId} whose last heartbeat
     * is at or after {@code aliveSince}: those of an instance taken as gone are not among them, even
     * before {@link #removeDead} purges them.
     */
    List<InstanceConnection> connectionsOfOthers(String instanceId, long aliveSince);

    /** The instance stops: its row, its binds and its published connections go. */
    void leave(String instanceId);
}
