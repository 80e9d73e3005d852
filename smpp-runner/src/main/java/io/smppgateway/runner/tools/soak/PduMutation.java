package io.smppgateway.runner.tools.soak;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The ways the soak's fuzzer damages a valid PDU before sending it, each what a broken or hostile
 * peer sends. The first group keeps the stream framed (command_length says how many octets
 * follow), so a bound session lives on and its body checks are what gets exercised; the second
 * breaks the framing (a length that lies, is too small or huge, a cut header, plain noise), after
 * which the server is expected to close the connection.
 */
enum PduMutation {

    /** The valid octets themselves. */
    VALID(true) {
        @Override
        byte[] apply(byte[] seed, SplittableRandom r) {
            return seed.clone();
        }
    },

    /** One to eight bits flipped after the header. */
    BODY_BIT_FLIPS(true) {
        @Override
        byte[] apply(byte[] seed, SplittableRandom r) {
            byte[] wire = seed.clone();
            if (wire.length > HEADER) {
                for (int i = 1 + r.nextInt(8); i > 0; i--) {
                    wire[HEADER + r.nextInt(wire.length - HEADER)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            return wire;
        }
    },

    /** Body octets set to NUL, 0xFF or noise: moves C-octet string ends and length octets. */
    BODY_BYTE_SETS(true) {
        @Override
        byte[] apply(byte[] seed, SplittableRandom r) {
            byte[] wire = seed.clone();
            if (wire.length > HEADER) {
                for (int i = 1 + r.nextInt(4); i > 0; i--) {
                    int at = HEADER + r.nextInt(wire.length - HEADER);
                    wire[at] = switch (r.nextInt(3)) {
                        case 0 -> 0;
                        case 1 -> (byte) 0xFF;
                        default -> (byte) r.nextInt(256);
                    };
                }
            }
            return wire;
        }
    },

    /** A random command_id: unknown, or another command's over this body. */
    RANDOM_COMMAND_ID(true) {
        @Override
        byte[] apply(byte[] seed, SplittableRandom r) {
            byte[] wire = seed.clone();
            int id = switch (r.nextInt(3)) {
                case 0 -> r.nextInt();
                case 1 -> KNOWN_REQUEST_IDS[r.nextInt(KNOWN_REQUEST_IDS.length)];
                default -> 0x80000000 | KNOWN_REQUEST_IDS[r.nextInt(KNOWN_REQUEST_IDS.length)];
            };
            ByteBuffer.wrap(wire).putInt(4, id);
            return wire;
        }
    },

    /** A random command_status and sequence_number (a request must carry status 0). */
    RANDOM_STATUS(true) {
        @Override
        byte[] apply(byte[] seed, SplittableRandom r) {
            byte[] wire = seed.clone();
            ByteBuffer.wrap(wire).putInt(8, r.nextBoolean() ? r.nextInt(0x100) : r.nextInt())
                    .putInt(12, r.nextInt());
            return wire;
        }
    },

    /** TLVs of random tags and lengths that claim more or fewer octets than follow. */
    TLV_NOISE(true) {
        @Override
        byte[] apply(byte[] seed, SplittableRandom r) {
            int tlvs = 1 + r.nextInt(4);
            ByteBuffer wire = ByteBuffer.allocate(seed.length + tlvs * 12);
            wire.put(seed);
            for (int i = 0; i < tlvs && wire.remaining() >= 4; i++) {
                wire.putShort((short) (r.nextBoolean() ? r.nextInt(0x10000) : 0x0420 + r.nextInt(16)));
                wire.putShort((short) (r.nextBoolean() ? r.nextInt(9) : r.nextInt(0x10000)));
                int value = Math.min(wire.remaining(), r.nextInt(9));
                for (int j = 0; j < value; j++) {
                    wire.put((byte) r.nextInt(256));
                }
            }
            return withLength(Arrays.copyOf(wire.array(), wire.position()));
        }
    },

    /** The body cut short, command_length fixed to the cut. */
    BODY_CUT(true) {
        @Override
        byte[] apply(byte[] seed, SplittableRandom r) {
            int length = seed.length > HEADER ? HEADER + r.nextInt(seed.length - HEADER) : HEADER;
            return withLength(Arrays.copyOf(seed, length));
        }
    },

    /** command_length 0 to 15: shorter than the header. */
    GARBAGE_LENGTH(false) {
        @Override
        byte[] apply(byte[] seed, SplittableRandom r) {
            byte[] wire = seed.clone();
            ByteBuffer.wrap(wire).putInt(0, r.nextInt(HEADER));
            return wire;
        }
    },

    /** command_length that says a few octets more or fewer than are sent. */
    LYING_LENGTH(false) {
        @Override
        byte[] apply(byte[] seed, SplittableRandom r) {
            byte[] wire = seed.clone();
            int delta = (1 + r.nextInt(32)) * (r.nextBoolean() ? 1 : -1);
            ByteBuffer.wrap(wire).putInt(0, Math.max(HEADER, wire.length + delta));
            return wire;
        }
    },

    /** command_length beyond any limit, up to 0x7FFFFFFF or negative, the body never sent. */
    HUGE_LENGTH(false) {
        @Override
        byte[] apply(byte[] seed, SplittableRandom r) {
            byte[] wire = Arrays.copyOf(seed, HEADER);
            int length = switch (r.nextInt(3)) {
                case 0 -> 0x7FFFFFFF;
                case 1 -> 0x80000000 | r.nextInt();
                default -> 65_537 + r.nextInt(0x7FFF0000);
            };
            ByteBuffer.wrap(wire).putInt(0, length);
            return wire;
        }
    },

    /** One to fifteen octets of a header, then whatever comes next. */
    TRUNCATED_HEADER(false) {
        @Override
        byte[] apply(byte[] seed, SplittableRandom r) {
            return Arrays.copyOf(seed, 1 + r.nextInt(HEADER - 1));
        }
    },

    /** Random octets, 16 to 200 of them, whatever their first four say. */
    NOISE(false) {
        @Override
        byte[] apply(byte[] seed, SplittableRandom r) {
            byte[] wire = new byte[HEADER + r.nextInt(185)];
            for (int i = 0; i < wire.length; i++) {
                wire[i] = (byte) r.nextInt(256);
            }
            return wire;
        }
    };

    static final int HEADER = 16;

    /** Requests an ESME may send, and outbind/alert_notification which it may not. */
    private static final int[] KNOWN_REQUEST_IDS = {0x00000001, 0x00000002, 0x00000003, 0x00000004, 0x00000005,
        0x00000007, 0x00000008, 0x00000009, 0x0000000B, 0x00000015, 0x00000021, 0x00000102, 0x00000103,
        0x00000111, 0x00000112, 0x00000113};

    private final boolean keepsFraming;

    PduMutation(boolean keepsFraming) {
        this.keepsFraming = keepsFraming;
    }

    /** Whether the octets this makes are one whole PDU whose command_length is their count. */
    boolean keepsFraming() {
        return keepsFraming;
    }

    /** The damaged octets of {@code seed}, which is left unchanged. */
    abstract byte[] apply(byte[] seed, SplittableRandom random);

    private static byte[] withLength(byte[] wire) {
        ByteBuffer.wrap(wire).putInt(0, wire.length);
        return wire;
    }
}
