package io.smppgateway.http.tls;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The little of ASN.1 DER that wrapping a PEM key into PKCS#8 needs: writing a tag-length-value,
 * and walking the elements of a SEQUENCE. Definite lengths only, as DER requires.
 */
final class Der {

    private Der() {
    }

    /** {@code tag}, the DER length of {@code content}, then {@code content}. */
    static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** A DER structure that does not hold what it says. */
    static final class MalformedException extends RuntimeException {
        MalformedException(String message) {
            super(message);
        }
    }

    /** Reads the elements of one level of a DER structure, in order. */
    static final class Reader {
        private final byte[] der;
        private int position;
        private final int end;

        Reader(byte[] der) {
            this(der, 0, der.length);
        }

        private Reader(byte[] der, int start, int end) {
            this.der = der;
            this.position = start;
            this.end = end;
        }

        boolean hasNext() {
            return position < end;
        }

        int peekTag() {
            if (!hasNext()) {
                throw new MalformedException("ends early");
            }
            return der[position] & 0xff;
        }

        /** A reader of the content of the next element, which must have {@code tag}. */
        Reader enter(int tag) {
            int[] content = next(tag);
            return new Reader(der, content[0], content[1]);
        }

        void skip(int tag) {
            next(tag);
        }

        /** The next element, tag and length included, which must have {@code tag}. */
        byte[] whole(int tag) {
            int start = position;
            int[] content = next(tag);
            return Arrays.copyOfRange(der, start, content[1]);
        }

        /** Moves past the next element; returns its content's start and end. */
        private int[] next(int tag) {
            int actual = peekTag();
            if (actual != tag) {
                throw new MalformedException("expected tag 0x" + Integer.toHexString(tag) + ", found 0x"
                        + Integer.toHexString(actual));
            }
            int at = position + 1;
            if (at >= end) {
                throw new MalformedException("ends in a length");
            }
            int first = der[at++] & 0xff;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int bytes = first & 0x7f;
                if (bytes == 0 || bytes > 4 || at + bytes > end) {
                    throw new MalformedException("bad length");
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[at++] & 0xff);
                }
            }
            if (at + length > end) {
                throw new MalformedException("an element runs past its end");
            }
            position = (int) (at + length);
            return new int[] {at, position};
        }
    }
}
