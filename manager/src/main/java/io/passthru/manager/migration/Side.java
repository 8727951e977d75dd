package io.passthru.manager.migration;

/** The two hosts of a migration: where the guest ran when it started, and where it was sent. */
public enum Side {
    SOURCE("source"), DESTINATION("destination");

    /** The name on the command line ({@code --force-side}) and in messages. */
    public final String id;

    Side(String id) {
        this.id = id;
    }

    public Side other() {
        return this == SOURCE ? DESTINATION : SOURCE;
    }

    /**
     * @throws IllegalArgumentException for a name other than {@code source} or {@code destination}
     */
    public static Side parse(String id) {
        for (Side s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown side '" + id + "': source or destination");
    }
}
