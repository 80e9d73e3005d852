/**
 * SMS text: data_coding values, the GSM 03.38 alphabet, UCS-2, the user data header, and the
 * splitting of long texts into concatenated segments.
 *
 * <p>The package works on {@code String}, {@code byte[]} and {@code int} only, so that the PDU
 * codec, the session layer and the message flows can all use it without depending on each other.
 * References: SMPP 3.4 section 5.2.19 (data_coding), 3GPP TS 23.038 (alphabets and the data coding
 * scheme octet), 3GPP TS 23.040 section 9.2.3.24 (user data header information elements).
 */
package io.smppgateway.smpp.text;
