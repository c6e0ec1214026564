package io.drover.compat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Fixed-width bit sets packed into one flat {@code long[]}: row {@code r} occupies {@code [r * width, (r+1) * width)}. */
final class Bits {

    private Bits() {
    }

    static void set(long[] rows, int row, int width, int bit) {
        rows[row * width + (bit >>> 6)] |= 1L << bit;
    }

    static boolean get(long[] rows, int row, int width, int bit) {
        return (rows[row * width + (bit >>> 6)] & (1L << bit)) != 0;
    }

    static void setAll(long[] rows, int row, int width, Collection<String> names, Interner interner) {
        for (String name : names) {
            set(rows, row, width, interner.intern(name));
        }
    }

    /** Whether row {@code a} of {@code as} is a subset of row {@code b} of {@code bs}. Allocation-free. */
    static boolean subset(long[] as, int a, long[] bs, int b, int width) {
        int i = a * width;
        int j = b * width;
        for (int w = 0; w < width; w++) {
            if ((as[i + w] & ~bs[j + w]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The names in row {@code a} of {@code as} missing from row {@code b} of {@code bs}. */
    static List<String> missing(long[] as, int a, long[] bs, int b, int width, Interner interner) {
        List<String> result = new ArrayList<>();
        for (int w = 0; w < width; w++) {
            long diff = as[a * width + w] & ~bs[b * width + w];
            while (diff != 0) {
                int bit = Long.numberOfTrailingZeros(diff);
                result.add(interner.name((w << 6) + bit));
                diff &= diff - 1;
            }
        }
        result.sort(null);
        return result;
    }
}
