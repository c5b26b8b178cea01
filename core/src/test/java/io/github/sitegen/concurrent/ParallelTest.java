package io.github.sitegen.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ParallelTest {

    private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

    @Test
    void resultsReachTheConsumerInInputOrderEvenWhenLaterItemsFinishFirst() throws Exception {
        List<Integer> consumed = new ArrayList<>();
        new Parallel(4).forEachInOrder(ITEMS, IOException.class, RuntimeException.class, i -> {
            Thread.sleep(i % 3 == 0 ? 2 : 0); // every third item is slower than those after it
            return i * 10;
        }, consumed::add);
        assertEquals(ITEMS.stream().map(i -> i * 10).toList(), consumed);
    }

    @Test
    void onlyAFewItemsPerThreadRunAheadOfTheConsumer() throws Exception {
        AtomicInteger started = new AtomicInteger();
        int[] mostAhead = {0};
        new Parallel(2).forEachInOrder(ITEMS, IOException.class, RuntimeException.class, i -> {
            started.incrementAndGet();
            return i;
        }, i -> {
            Thread.sleep(1); // a slow consumer, such as a disk
            mostAhead[0] = Math.max(mostAhead[0], started.get() - i);
        });
        assertTrue(mostAhead[0] <= 8, "at most 4 items per thread ahead, was " + mostAhead[0]);
    }

    @Test
    void oneThreadRunsEverythingOnTheCallingThreadInOrder() throws Exception {
        Thread caller = Thread.currentThread();
        List<Integer> consumed = new ArrayList<>();
        new Parallel(1).forEachInOrder(ITEMS, IOException.class, RuntimeException.class, i -> {
            assertSame(caller, Thread.currentThread());
            return i;
        }, consumed::add);
        assertEquals(ITEMS, consumed);
    }

    @Test
    void theFirstFailureInInputOrderIsRethrownAsItWasThrown() {
        for (int threads : new int[] {1, 3}) {
            IOException thrown = assertThrows(IOException.class, () -> new Parallel(threads).map(ITEMS,
                    IOException.class, RuntimeException.class, i -> {
                        if (i >= 50) {
                            throw new IOException("item " + i);
                        }
                        return i;
                    }));
            assertEquals("item 50", thrown.getMessage());
        }
    }

    @Test
    void noTaskIsStillRunningWhenAFailureReachesTheCaller() {
        AtomicInteger running = new AtomicInteger();
        assertThrows(IOException.class, () -> new Parallel(4).forEachInOrder(ITEMS, IOException.class,
                RuntimeException.class, i -> {
                    if (i == 0) {
                        throw new IOException("the first item fails at once");
                    }
                    running.incrementAndGet();
                    try {
                        long until = System.nanoTime() + 50_000_000;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait(); // busy, as a task writing a page is, and deaf to interrupts
                        }
                    } finally {
                        running.decrementAndGet();
                    }
                    return i;
                }, i -> { }));
        assertEquals(0, running.get(), "tasks still running after the failure was rethrown");
    }

    @Test
    void aFailureOfTheConsumerStopsTheWorkAndIsRethrown() {
        AtomicInteger started = new AtomicInteger();
        IOException thrown = assertThrows(IOException.class, () -> new Parallel(2).forEachInOrder(ITEMS,
                IOException.class, RuntimeException.class, i -> started.incrementAndGet(), i -> {
                    throw new IOException("disk full");
                }));
        assertEquals("disk full", thrown.getMessage());
        assertTrue(started.get() <= 8 + 2, "work stopped after the failure, started " + started.get());
    }

    @Test
    void zeroThreadsMeansOnePerCore() throws Exception {
        assertEquals(ITEMS, Parallel.perCore().map(ITEMS, IOException.class, RuntimeException.class, i -> i));
    }
}
