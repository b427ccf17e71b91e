package org.slant.document;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Runs independent writes a few at a time. Each durable save waits for the disk (fsync) far longer
 * than it computes, so several in flight make a large import many times faster on any disk; the
 * bound keeps a huge batch from opening thousands of files at once.
 */
public final class ParallelWrites {

    static final int IN_FLIGHT = 8;

    private ParallelWrites() {
    }

    /** Applies {@code work} to every item; waits for all, then rethrows the first failure, if any. */
    public static <T> void forEach(List<T> items, Consumer<T> work) {
        if (items.size() <= 1) {
            items.forEach(work);
            return;
        }
        Semaphore slots = new Semaphore(IN_FLIGHT);
        RuntimeException first = null;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new java.util.ArrayList<>(items.size());
            for (T item : items) {
                running.add(pool.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        work.accept(item);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while saving", e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
