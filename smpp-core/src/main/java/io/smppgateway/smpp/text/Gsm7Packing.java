package io.smppgateway.smpp.text;

/**
 * How GSM 7-bit text is laid out in short_message. Most SMSCs reached over SMPP expect, and send,
 * one septet per octet and pack the text themselves for the air interface; a few take the packed
 * form, which after a user data header starts with fill bits (see {@link SeptetPacker}). It is a
 * per-SMSC setting; it has no effect on other alphabets.
 */
public enum Gsm7Packing {
    /** One septet in the low 7 bits of each octet. The default. */
    UNPACKED,
    /** Eight septets in seven octets, least significant bit first, after fill bits. */
    PACKED
}
