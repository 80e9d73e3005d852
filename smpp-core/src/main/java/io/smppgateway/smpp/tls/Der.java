package io.smppgateway.smpp.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The little of ASN.1 DER (X.690) needed to rewrap a PKCS#1 or SEC1 private key as PKCS#8: reading
 * a definite-length element and writing one. Each element is a tag byte, a length (one byte below
 * 128, else {@code 0x80 | n} followed by n big-endian bytes) and the content.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OBJECT_IDENTIFIER = 0x06;
    static final int SEQUENCE = 0x30;
    /** The {@code [0] EXPLICIT} tag SEC1 puts the curve's name under. */
    static final int CONTEXT_0 = 0xa0;

    /** One element: its tag and its content octets. */
    record Element(int tag, byte[] content) {

        /** The element written back as DER. */
        byte[] encoded() {
            return Der.encode(tag, content);
        }
    }

    private Der() {
    }

    /** The elements that make up {@code content} (a SEQUENCE's content, say), in order. */
    static List<Element> children(byte[] content) {
        List<Element> elements = new ArrayList<>();
        int at = 0;
        while (at < content.length) {
            int tag = content[at++] & 0xff;
            if (at >= content.length) {
                throw new IllegalArgumentException("DER element cut after its tag");
            }
            int length = content[at++] & 0xff;
            if (length >= 0x80) {
                int octets = length & 0x7f;
                if (octets == 0 || octets > 3 || at + octets > content.length) {
                    throw new IllegalArgumentException("DER length not understood");
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (content[at++] & 0xff);
                }
            }
            if (at + length > content.length) {
                throw new IllegalArgumentException("DER element longer than what holds it");
            }
            byte[] inner = new byte[length];
            System.arraycopy(content, at, inner, 0, length);
            at += length;
            elements.add(new Element(tag, inner));
        }
        return elements;
    }

    /** The single element that {@code der} is. */
    static Element single(byte[] der) {
        List<Element> elements = children(der);
        if (elements.size() != 1) {
            throw new IllegalArgumentException("expected one DER element, found " + elements.size());
        }
        return elements.get(0);
    }

    static byte[] encode(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... encodedElements) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] element : encodedElements) {
            content.writeBytes(element);
        }
        return encode(SEQUENCE, content.toByteArray());
    }
}
