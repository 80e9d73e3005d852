package io.smppgateway.smpp.codec.fuzz;

import io.smppgateway.smpp.pdu.CommandId;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The ways the fuzz test damages the octets of a valid PDU, each the kind of input a broken or
 * hostile peer sends: flipped bits, a cut stream, a lying command_length, octets inserted or lost,
 * a TLV stream of random tags and lengths, an unknown or mismatched command_id, a header spliced
 * onto another PDU's body, or plain noise. Where it matters, a mutation either fixes
 * command_length to the new size (so that the body is what gets exercised) or leaves it lying.
 */
enum WireMutation {

    /** The valid octets themselves: they must decode and round-trip. */
    NONE {
        @Override
        byte[] apply(byte[] valid, byte[] other, SplittableRandom r) {
            return valid.clone();
        }
    },

    /** One to eight random bits flipped, in the body or anywhere. */
    BIT_FLIPS {
        @Override
        byte[] apply(byte[] valid, byte[] other, SplittableRandom r) {
            byte[] wire = valid.clone();
            int from = r.nextBoolean() && wire.length > HEADER ? HEADER : 0;
            int flips = 1 + r.nextInt(8);
            for (int i = 0; i < flips; i++) {
                int at = from + r.nextInt(wire.length - from);
                wire[at] ^= (byte) (1 << r.nextInt(8));
            }
            return wire;
        }
    },

    /** Octets overwritten with NUL, 0xFF or noise: moves C-octet string ends and length octets. */
    BYTE_SETS {
        @Override
        byte[] apply(byte[] valid, byte[] other, SplittableRandom r) {
            byte[] wire = valid.clone();
            int sets = 1 + r.nextInt(4);
            for (int i = 0; i < sets && wire.length > HEADER; i++) {
                int at = HEADER + r.nextInt(wire.length - HEADER);
                wire[at] = switch (r.nextInt(3)) {
                    case 0 -> 0;
                    case 1 -> (byte) 0xFF;
                    default -> (byte) r.nextInt(256);
                };
            }
            return wire;
        }
    },

    /** The stream cut short, with command_length left as it was or fixed to the cut. */
    TRUNCATION {
        @Override
        byte[] apply(byte[] valid, byte[] other, SplittableRandom r) {
            return maybeFixLength(Arrays.copyOf(valid, r.nextInt(valid.length)), r);
        }
    },

    /** command_length rewritten: below the header, off by a little, at and past the maximum, up to 0x7FFFFFFF, negative. */
    LENGTH_FIELD {
        @Override
        byte[] apply(byte[] valid, byte[] other, SplittableRandom r) {
            byte[] wire = valid.clone();
            int length = switch (r.nextInt(8)) {
                case 0 -> r.nextInt(16);
                case 1 -> valid.length + r.nextInt(9) - 4;
                case 2 -> PduDecoderFuzzTest.MAX_PDU_LENGTH + r.nextInt(3) - 1;
                case 3 -> 0x7FFFFFFF - r.nextInt(3);
                case 4 -> 16 + r.nextInt(0x7FFFFFF0);
                case 5 -> r.nextInt() | 0x80000000;
                case 6 -> 0x10000 + r.nextInt(0x10000);
                default -> r.nextInt();
            };
            writeInt(wire, 0, length);
            return wire;
        }
    },

    /** One to sixteen octets (noise or NULs) inserted at a random place. */
    INSERTION {
        @Override
        byte[] apply(byte[] valid, byte[] other, SplittableRandom r) {
            int count = 1 + r.nextInt(16);
            int at = r.nextInt(valid.length + 1);
            byte[] inserted = new byte[count];
            if (r.nextBoolean()) {
                r.nextBytes(inserted);
            }
            byte[] wire = new byte[valid.length + count];
            System.arraycopy(valid, 0, wire, 0, at);
            System.arraycopy(inserted, 0, wire, at, count);
            System.arraycopy(valid, at, wire, at + count, valid.length - at);
            return maybeFixLength(wire, r);
        }
    },

    /** One to sixteen octets removed from a random place. */
    REMOVAL {
        @Override
        byte[] apply(byte[] valid, byte[] other, SplittableRandom r) {
            int count = Math.min(valid.length, 1 + r.nextInt(16));
            int at = r.nextInt(valid.length - count + 1);
            byte[] wire = new byte[valid.length - count];
            System.arraycopy(valid, 0, wire, 0, at);
            System.arraycopy(valid, at + count, wire, at, valid.length - at - count);
            return maybeFixLength(wire, r);
        }
    },

    /** A slice of the PDU repeated: repeated TLVs, doubled fields. */
    DUPLICATION {
        @Override
        byte[] apply(byte[] valid, byte[] other, SplittableRandom r) {
            int from = r.nextInt(valid.length);
            int count = 1 + r.nextInt(Math.min(64, valid.length - from));
            byte[] wire = new byte[valid.length + count];
            System.arraycopy(valid, 0, wire, 0, from + count);
            System.arraycopy(valid, from, wire, from + count, valid.length - from);
            return maybeFixLength(wire, r);
        }
    },

    /**
     * Random TLVs appended to the PDU: known, vendor and unassigned tags, with lengths that fit,
     * overrun the body, claim 0xFFFF, or leave one to three stray octets at the end.
     */
    RANDOM_TLV_STREAM {
        @Override
        byte[] apply(byte[] valid, byte[] other, SplittableRandom r) {
            int count = 1 + r.nextInt(12);
            byte[] stream = new byte[count * (4 + 40) + 3];
            int at = 0;
            for (int i = 0; i < count; i++) {
                int tag = switch (r.nextInt(3)) {
                    case 0 -> KNOWN_TAGS[r.nextInt(KNOWN_TAGS.length)];
                    case 1 -> 0x1400 + r.nextInt(0x2C00);
                    default -> r.nextInt(0x10000);
                };
                int actual = r.nextInt(41);
                int declared = switch (r.nextInt(6)) {
                    case 0 -> actual + 1 + r.nextInt(8);
                    case 1 -> 0xFFFF;
                    default -> actual;
                };
                stream[at] = (byte) (tag >>> 8);
                stream[at + 1] = (byte) tag;
                stream[at + 2] = (byte) (declared >>> 8);
                stream[at + 3] = (byte) declared;
                byte[] value = new byte[actual];
                r.nextBytes(value);
                System.arraycopy(value, 0, stream, at + 4, actual);
                at += 4 + actual;
            }
            at += r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0;
            byte[] wire = Arrays.copyOf(valid, valid.length + at);
            System.arraycopy(stream, 0, wire, valid.length, at);
            writeInt(wire, 0, wire.length);
            return wire;
        }
    },

    /** command_id replaced: unassigned, another PDU's (so the body is the wrong shape), or the response bit toggled. */
    COMMAND_ID {
        @Override
        byte[] apply(byte[] valid, byte[] other, SplittableRandom r) {
            byte[] wire = valid.clone();
            int id = readInt(wire, 4);
            int replaced = switch (r.nextInt(4)) {
                case 0 -> r.nextInt();
                case 1 -> IDS[r.nextInt(IDS.length)].value();
                case 2 -> id ^ 0x80000000;
                default -> id + r.nextInt(5) - 2;
            };
            writeInt(wire, 4, replaced);
            return wire;
        }
    },

    /** This PDU's header on another PDU's body, command_length fixed. */
    SPLICE {
        @Override
        byte[] apply(byte[] valid, byte[] other, SplittableRandom r) {
            byte[] wire = new byte[HEADER + other.length - HEADER];
            System.arraycopy(valid, 0, wire, 0, HEADER);
            System.arraycopy(other, HEADER, wire, HEADER, other.length - HEADER);
            writeInt(wire, 0, wire.length);
            return wire;
        }
    },

    /** Noise of 0 to 300 octets, half the time behind a plausible header (its own length, a known id). */
    NOISE {
        @Override
        byte[] apply(byte[] valid, byte[] other, SplittableRandom r) {
            byte[] wire = new byte[r.nextInt(301)];
            r.nextBytes(wire);
            if (wire.length >= HEADER && r.nextBoolean()) {
                writeInt(wire, 0, wire.length);
                writeInt(wire, 4, IDS[r.nextInt(IDS.length)].value());
            }
            return wire;
        }
    };

    static final int HEADER = 16;
    private static final CommandId[] IDS = CommandId.values();
    private static final int[] KNOWN_TAGS = Arrays.stream(io.smppgateway.smpp.pdu.TlvTag.values())
            .mapToInt(io.smppgateway.smpp.pdu.TlvTag::tag).toArray();

    /** The damaged octets; {@code other} is a second valid PDU for mutations that need one. */
    abstract byte[] apply(byte[] valid, byte[] other, SplittableRandom r);

    private static byte[] maybeFixLength(byte[] wire, SplittableRandom r) {
        if (wire.length >= 4 && r.nextBoolean()) {
            writeInt(wire, 0, wire.length);
        }
        return wire;
    }

    static int readInt(byte[] wire, int at) {
        return ((wire[at] & 0xFF) << 24) | ((wire[at + 1] & 0xFF) << 16) | ((wire[at + 2] & 0xFF) << 8) | (wire[at + 3] & 0xFF);
    }

    private static void writeInt(byte[] wire, int at, int value) {
        wire[at] = (byte) (value >>> 24);
        wire[at + 1] = (byte) (value >>> 16);
        wire[at + 2] = (byte) (value >>> 8);
        wire[at + 3] = (byte) value;
    }
}
