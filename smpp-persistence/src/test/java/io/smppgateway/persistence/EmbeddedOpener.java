package io.smppgateway.persistence;

import java.nio.file.Path;

/**
 * A child process for {@link EmbeddedServesOneInstanceTest}: a gateway instance's start on the
 * embedded database of the one argument. It prints {@code opened} when the database opened, or
 * {@code refused <message>} when it was in use by another process, and exits.
 */
public final class EmbeddedOpener {

    private EmbeddedOpener() {
    }

    public static void main(String[] args) {
        try (Database database = Database.embedded(Path.of(args[0]), StoreOptions.defaults())) {
            System.out.println("opened");
        } catch (EmbeddedDatabaseInUseException inUse) {
            System.out.println("refused " + inUse.getMessage());
        }
        System.out.flush();
    }
}
