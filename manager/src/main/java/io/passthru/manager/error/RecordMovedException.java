package io.passthru.manager.error;

/**
 * A write of an operation record found the record changed since this process last wrote it (another operation's
 * record, or this operation's at another generation): another passthru process took the operation over. Nothing was
 * written.
 */
public class RecordMovedException extends OperationInProgressException {
    public RecordMovedException(String message) {
        super(message);
    }
}
