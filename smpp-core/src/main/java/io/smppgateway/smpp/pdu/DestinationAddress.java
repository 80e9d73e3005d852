package io.smppgateway.smpp.pdu;

/** One destination of a submit_sm_multi: an SME address (dest_flag 1) or a distribution list (dest_flag 2). */
public sealed interface DestinationAddress {

    int SME_ADDRESS = 1;
    int DISTRIBUTION_LIST = 2;

    /** dest_flag 1: an SME address. */
    record Sme(Address address) implements DestinationAddress {
        public Sme {
            Fields.requireCString("destination_addr", address.address(), 21);
        }
    }

    /** dest_flag 2: the name of a distribution list kept by the SMSC. */
    record DistributionList(String name) implements DestinationAddress {
        public DistributionList {
            name = Fields.requireCString("dl_name", name, 21);
        }
    }
}
