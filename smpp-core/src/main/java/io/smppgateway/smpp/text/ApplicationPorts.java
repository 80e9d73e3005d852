package io.smppgateway.smpp.text;

/**
 * Application port addressing (TS 23.040 sections 9.2.3.24.3 and .4): the ports that route a
 * message to an application on the handset, such as a WAP push to port 2948.
 *
 * @param destination destination port
 * @param originator originator port
 * @param sixteenBit whether the ports travel as 16-bit values (IEI 0x05) rather than 8-bit (0x04)
 */
public record ApplicationPorts(int destination, int originator, boolean sixteenBit) {

    public ApplicationPorts {
        int max = sixteenBit ? 0xFFFF : 0xFF;
        if (destination < 0 || destination > max || originator < 0 || originator > max) {
            throw new IllegalArgumentException(String.format(
                    "%s ports must be 0 to %d: destination %d, originator %d",
                    sixteenBit ? "16-bit" : "8-bit", max, destination, originator));
        }
    }

    /** The information element that carries these ports. */
    public InformationElement toInformationElement() {
        if (sixteenBit) {
            return new InformationElement(InformationElement.APPLICATION_PORTS_16_BIT, new byte[] {
                    (byte) (destination >>> 8), (byte) destination, (byte) (originator >>> 8), (byte) originator});
        }
        return new InformationElement(InformationElement.APPLICATION_PORTS_8_BIT,
                new byte[] {(byte) destination, (byte) originator});
    }
}
