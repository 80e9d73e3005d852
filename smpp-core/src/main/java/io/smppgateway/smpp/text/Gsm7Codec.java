package io.smppgateway.smpp.text;

/** {@link Alphabet#GSM7} as unpacked septets, over {@link Gsm7Alphabet}. */
final class Gsm7Codec implements TextCodec {
    @Override
    public int firstUnencodable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Gsm7Alphabet.canEncode(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public byte[] encode(CharSequence text) {
        return Gsm7Alphabet.encode(text);
    }

    @Override
    public String decode(byte[] data, int offset, int length) {
        return Gsm7Alphabet.decode(data, offset, length);
    }

    @Override
    public int unitsOf(int codePoint) {
        return Gsm7Alphabet.isExtension(codePoint) ? 2 : 1;
    }

    @Override
    public int units(CharSequence text) {
        return Gsm7Alphabet.septetCount(text);
    }
}
