package io.smppgateway.persistence.batch;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Positional parameter markers for the message path's statements, which carry a whole batch at
 * once: an {@code IN} list of keys, or the rows of a multi-row {@code VALUES} clause.
 *
 * <p>Binding by position on the driver's statement costs a fraction of named binding, and one
 * multi-row statement is parsed and planned once by the server instead of once per row. The
 * statements come in a few shapes only (sizes that are powers of two), so that their text repeats
 * and the driver parses each shape once: Connector/J keeps the parse of a statement's text in its
 * statement cache, and parsing the text anew (a 256-row statement is 10,000 characters) cost more
 * client CPU than the rest of the batch together.
 */
public final class Placeholders {

    /** Most keys in one {@code IN} list. */
    public static final int MAX_LIST = 512;
    /** Most rows in one multi-row statement. */
    public static final int MAX_ROWS = 256;

    private Placeholders() {
    }

    /**
     * How many markers an {@code IN} list of {@code count} keys gets: the next power of two (at
     * most {@link #MAX_LIST}); fill the extra ones with {@link #bindPadded} by repeating a key,
     * which does not change what the list matches.
     */
    public static int listSize(int count) {
        if (count < 1 || count > MAX_LIST) {
            throw new IllegalArgumentException("an IN list takes 1 to " + MAX_LIST + " keys, not " + count);
        }
        return count == 1 ? 1 : Integer.highestOneBit(count - 1) << 1;
    }

    /**
     * How many of {@code remaining} rows go in the next statement: the largest power of two that
     * is not more than {@code remaining} and {@link #MAX_ROWS}, so that {@code n} rows take at most
     * {@code n / 256 + 8} statements of 9 shapes.
     */
    public static int rowChunk(int remaining) {
        if (remaining < 1) {
            throw new IllegalArgumentException("no rows left");
        }
        return Integer.highestOneBit(Math.min(remaining, MAX_ROWS));
    }

    /** {@code ?, ?, ?}: {@code count} markers for an {@code IN} list. */
    public static String list(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        StringBuilder sql = new StringBuilder(count * 3);
        sql.append('?');
        for (int i = 1; i < count; i++) {
            sql.append(", ?");
        }
        return sql.toString();
    }

    /** {@code (?, ?), (?, ?)}: {@code rows} rows of {@code columns} markers for a {@code VALUES} clause. */
    public static String rows(int rows, int columns) {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("a VALUES clause needs at least one row and one column");
        }
        String row = "(" + list(columns) + ")";
        StringBuilder sql = new StringBuilder(rows * (row.length() + 2));
        sql.append(row);
        for (int i = 1; i < rows; i++) {
            sql.append(", ").append(row);
        }
        return sql.toString();
    }

    /**
     * Binds {@code keys} as strings from parameter {@code first} on, then repeats the last key up
     * to {@code size} markers; returns the next parameter index.
     */
    public static int bindPadded(PreparedStatement statement, int first, List<String> keys, int size)
            throws SQLException {
        int index = first;
        for (String key : keys) {
            statement.setString(index++, key);
        }
        String last = keys.get(keys.size() - 1);
        for (int i = keys.size(); i < size; i++) {
            statement.setString(index++, last);
        }
        return index;
    }
}
