package org.slant.storage;

/** A request or an item is over one of Slant's limits (settings slant.limits.*); the API answers 413 naming the limit and its value. */
public class LimitExceededException extends RuntimeException {
    private final String limitName;
    private final long limit;

    public LimitExceededException(String limitName, long limit, String message) {
        super(message);
        this.limitName = limitName;
        this.limit = limit;
    }

    public String limitName() { return limitName; }

    public long limit() { return limit; }
}
