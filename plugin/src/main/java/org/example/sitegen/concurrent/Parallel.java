package org.example.sitegen.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent pieces of a build (one per topic) on every core and gives the results back in
 * input order, so the output does not depend on which thread finished first. The first failure, in
 * input order, is rethrown as it was thrown.
 */
public final class Parallel implements AutoCloseable {

    /** Work on one item that may fail with a checked exception. */
    @FunctionalInterface
    public interface Task<T, R> {
        R apply(T item) throws Exception;
    }

    private final ExecutorService pool;

    public Parallel(int threads) {
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "site-gen-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One thread per available core. */
    public static Parallel perCore() {
        return new Parallel(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Applies {@code task} to every item, in parallel; returns the results in the order of
     * {@code items}.
     *
     * @throws A the first exception a task threw, when it is an {@code A}
     * @throws B the first exception a task threw, when it is a {@code B}
     */
    @SuppressWarnings("unchecked")
    public <T, R, A extends Exception, B extends Exception> List<R> map(List<T> items, Class<A> a, Class<B> b,
                                                                      Task<T, R> task) throws A, B {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> task.apply(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        try {
            for (Future<R> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (a.isInstance(cause)) {
                throw (A) cause;
            }
            if (b.isInstance(cause)) {
                throw (B) cause;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
