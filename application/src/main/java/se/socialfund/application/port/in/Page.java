package se.socialfund.application.port.in;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list.
 *
 * @param after the key to continue after, or null on the last page
 */
public record Page<T>(List<T> items, Long after) {
    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), after);
    }

    /** Builds a page from up to {@code limit + 1} rows: the extra row only tells that there is more. */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, Long> key) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, key.apply(items.get(limit - 1)));
    }
}
