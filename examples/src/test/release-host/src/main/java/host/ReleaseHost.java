package host;

import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import java.net.Socket;

/** A host program on the released smpp-core: starts an SMSC simulator, connects to it, encodes a PDU. */
public final class ReleaseHost {

    public static void main(String[] args) throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults())) {
            try (Socket socket = new Socket("127.0.0.1", smsc.port())) {
                System.out.println("release host: SmscSimulator listening on 127.0.0.1:" + smsc.port()
                        + ", enquire_link is " + PduEncoder.WITH_TLVS.encodedLength(new EnquireLink(1)) + " bytes");
            }
        }
    }
}
