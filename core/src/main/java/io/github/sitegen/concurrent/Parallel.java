package io.github.sitegen.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs independent pieces of a build (one per topic) on several threads and gives the results back
 * in input order, so the output does not depend on which thread finished first. The first failure,
 * in input order, is rethrown as it was thrown. With one thread, everything runs on the calling
 * thread.
 */
public final class Parallel {

    /** Work on one item that may fail with a checked exception. */
    @FunctionalInterface
    public interface Task<T, R> {
        R apply(T item) throws Exception;
    }

    /** Takes one result, in input order, on the calling thread. */
    @FunctionalInterface
    public interface Consumer<R> {
        void accept(R result) throws Exception;
    }

    /** How many items per thread may be finished or under way before their results are consumed. */
    private static final int AHEAD_PER_THREAD = 4;

    private final int threads;

    /** @param threads how many threads; 0 or less for one per available core */
    public Parallel(int threads) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** One thread per available core. */
    public static Parallel perCore() {
        return new Parallel(0);
    }

    /**
     * Applies {@code task} to every item, in parallel; returns the results in the order of
     * {@code items}.
     *
     * @throws A the first exception a task threw, when it is an {@code A}
     * @throws B the first exception a task threw, when it is a {@code B}
     */
    public <T, R, A extends Exception, B extends Exception> List<R> map(List<T> items, Class<A> a, Class<B> b,
                                                                      Task<T, R> task) throws A, B {
        List<R> results = new ArrayList<>(items.size());
        forEachInOrder(items, a, b, task, results::add);
        return results;
    }

    /**
     * Applies {@code task} to every item, in parallel, and hands each result to {@code consumer} on
     * the calling thread, in the order of {@code items}, as soon as it and all before it are done.
     * Only a few items per thread run ahead of the consumer, so results need not all fit in memory
     * at once: a large file can be written from them as they come.
     *
     * @throws A the first exception a task or the consumer threw, when it is an {@code A}
     * @throws B the first exception a task or the consumer threw, when it is a {@code B}
     */
    public <T, R, A extends Exception, B extends Exception> void forEachInOrder(
            List<T> items, Class<A> a, Class<B> b, Task<T, R> task, Consumer<R> consumer) throws A, B {
        if (threads == 1) {
            try {
                for (T item : items) {
                    consumer.accept(task.apply(item));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (Exception e) {
                throw rethrow(e, a, b);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "site-gen-worker");
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<R>> running = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < items.size() || !running.isEmpty()) {
                while (next < items.size() && running.size() < threads * AHEAD_PER_THREAD) {
                    T item = items.get(next++);
                    running.add(pool.submit(() -> task.apply(item)));
                }
                consumer.accept(running.remove().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw rethrow(e instanceof ExecutionException ? e.getCause() : e, a, b);
        } finally {
            stop(pool);
        }
    }

    /**
     * Cancels what has not started and waits for what is running, so that after a failure no task
     * still writes into a folder the caller is about to delete.
     */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <A extends Exception, B extends Exception> RuntimeException rethrow(Throwable cause, Class<A> a,
                                                                                       Class<B> b) throws A, B {
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
}
