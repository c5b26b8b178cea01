package io.github.sitegen.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.github.sitegen.concurrent.Parallel;

/**
 * Work over many items of which most are kept from an earlier load (a live preview's save): the
 * kept ones are taken on the calling thread, and only the others go to the threads, or are done on
 * the calling thread too when there is one. On a busy machine each hand-over to another thread can
 * wait for a core; a save that changed one file then hands over nothing.
 */
final class HitsFirst {

    private static final Parallel INLINE = new Parallel(1);

    private HitsFirst() {
    }

    /**
     * The results for {@code items}, in their order: {@code kept}'s where it gives one (not
     * {@code null}), else {@code make}'s.
     */
    static <T, R, A extends Exception, B extends Exception> List<R> map(List<T> items, Function<T, R> kept,
            Parallel.Task<T, R> make, Parallel parallel, Class<A> a, Class<B> b) throws A, B {
        Object[] results = new Object[items.size()];
        List<Integer> missed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            results[i] = kept.apply(items.get(i));
            if (results[i] == null) {
                missed.add(i);
            }
        }
        List<R> made = (missed.size() > 1 ? parallel : INLINE).map(missed, a, b, i -> make.apply(items.get(i)));
        for (int i = 0; i < missed.size(); i++) {
            results[missed.get(i)] = made.get(i);
        }
        @SuppressWarnings("unchecked")
        List<R> all = (List<R>) Arrays.asList(results);
        return all;
    }
}
