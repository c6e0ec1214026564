package io.drover.store;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format ({@code COPY ... FROM STDIN WITH (FORMAT binary)}): every value is its
 * length and its bytes, so text needs no escaping and arrives exactly as written, and numbers and UUIDs need no
 * parsing on the server. Fields must be added in the COPY statement's column order, as the column types expect
 * them: {@code bigint}, {@code integer}, {@code uuid}, and {@code text}/{@code json} as UTF-8 (the client encoding the
 * PostgreSQL JDBC driver sets).
 */
final class BinaryCopyRows {

    /** Signature, flags (no OIDs), header extension length: the file header of the format. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final int NULL_LENGTH = -1;

    private byte[] buffer;
    private int size;

    BinaryCopyRows(int expectedBytes) {
        buffer = new byte[Math.max(expectedBytes, 64)];
        bytes(HEADER);
    }

    BinaryCopyRows row(int fields) {
        return int16(fields);
    }

    BinaryCopyRows bigint(long value) {
        int32(Long.BYTES);
        return int64(value);
    }

    BinaryCopyRows integer(int value) {
        int32(Integer.BYTES);
        return int32(value);
    }

    BinaryCopyRows uuid(UUID value) {
        int32(2 * Long.BYTES);
        int64(value.getMostSignificantBits());
        return int64(value.getLeastSignificantBits());
    }

    /** Text or JSON; null for SQL NULL. */
    BinaryCopyRows text(String value) {
        if (value == null) {
            return int32(NULL_LENGTH);
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int32(utf8.length);
        return bytes(utf8);
    }

    /** The rows followed by the format's trailer, for {@code CopyManager.copyIn}. */
    InputStream finish() {
        int16(-1);
        return new ByteArrayInputStream(buffer, 0, size);
    }

    private BinaryCopyRows int16(int value) {
        ensure(Short.BYTES);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    private BinaryCopyRows int32(int value) {
        ensure(Integer.BYTES);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    private BinaryCopyRows int64(long value) {
        ensure(Long.BYTES);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    private BinaryCopyRows bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
        return this;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
