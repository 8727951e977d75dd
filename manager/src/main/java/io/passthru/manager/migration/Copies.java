package io.passthru.manager.migration;

/**
 * The two copies of one guest, one per side of a migration, as {@link CopyResolver} sees and changes them. The
 * libvirt implementation is {@link LibvirtCopies}; unit tests use fakes.
 */
public interface Copies {
    /**
     * Looks at one side now, within a bound: a host that does not answer in time, or answers as another machine than
     * the one recorded, gives {@link CopyState#UNREACHABLE} with the reason. Never throws for an unreachable host.
     */
    Sighting look(Side side);

    /** Resumes the paused copy on {@code side} ({@code virDomainResume}). */
    void resume(Side side);

    /** Destroys the copy on {@code side} when it is active ({@code virDomainDestroy}); nothing when it is not. */
    void destroy(Side side);

    /**
     * Undefines the copy on {@code side} when it is persistent and inactive ({@code virDomainUndefine}); nothing when
     * it is absent.
     */
    void undefine(Side side);
}
