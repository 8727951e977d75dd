/**
 * Every exception the manager raises, all unchecked and all {@link io.passthru.PassthruException}s carrying
 * libvirt's error code and the failed step where there is one: refusals that changed nothing
 * ({@link io.passthru.manager.error.InvalidRequestException}, {@link io.passthru.manager.error.NoFreeDeviceException},
 * {@link io.passthru.manager.error.DeviceNotAssignableException},
 * {@link io.passthru.manager.error.OperationInProgressException}), hosts
 * ({@link io.passthru.manager.error.HostNotReadyException}, {@link io.passthru.manager.error.HostUnreachableException}:
 * exit 3 on the command line), and the failures of multi-step operations
 * ({@link io.passthru.manager.error.MigrationFailedException}, {@link io.passthru.manager.error.DetachTimeoutException},
 * {@link io.passthru.manager.error.CopiesConflictException}, {@link io.passthru.manager.error.RecordMovedException}).
 */
package io.passthru.manager.error;
