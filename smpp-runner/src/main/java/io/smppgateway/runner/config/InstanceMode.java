package io.smppgateway.runner.config;

/**
 * Whether this gateway can share its work with other instances, from what it runs on: several
 * instances behave as one gateway only on a shared MySQL/MariaDB database and shared NSQ topics.
 */
public enum InstanceMode {

    /** The embedded database file: this process alone (a second one on the file refuses to start). */
    EMBEDDED_SINGLE,
    /** MySQL/MariaDB with the in-process bus: the application reaches this instance's messages only. */
    SHARED_DATABASE_LOCAL_BUS,
    /** MySQL/MariaDB and NSQ: any number of instances started on the same settings are one gateway. */
    CLUSTER;

    public static InstanceMode of(GatewaySettings settings) {
        if (settings.database() instanceof DatabaseChoice.Embedded) {
            return EMBEDDED_SINGLE;
        }
        return settings.bus() instanceof BusChoice.Nsq ? CLUSTER : SHARED_DATABASE_LOCAL_BUS;
    }

    /**
     * The start-up line.
     *
     * @param instanceId    this instance's id in the cluster
     * @param liveInstances how many instances the shared database lists as live, this one included
     */
    public String describe(String instanceId, int liveInstances) {
        return switch (this) {
            case EMBEDDED_SINGLE -> "mode: one instance (the embedded database serves one gateway process; to run"
                    + " several as one gateway, set the MYSQL_* and NSQ_* keys)";
            case SHARED_DATABASE_LOCAL_BUS -> "mode: one instance on a shared database with the in-process message"
                    + " bus (instances on this database share configuration and bind caps, not messages; set the"
                    + " NSQ_* keys to run them as one gateway); instance " + instanceId;
            case CLUSTER -> "mode: cluster member " + instanceId + ", " + liveInstances + " instance"
                    + (liveInstances == 1 ? "" : "s") + " live on this database and these NSQ topics";
        };
    }
}
