package io.smppgateway.smpp.pdu;

/**
 * The standard command_status values of SMPP 3.4 and 5.0 (SMPP 5.0, section 4.7.6), with the
 * names and descriptions that the API, the logs and the DLR events show.
 *
 * <p>A status on the wire is any 32-bit value (0x400-0x4FF are SMSC vendor codes), so PDUs carry
 * it as an {@code int}; {@link #of(int)} and {@link #describe(int)} name it where it is known.
 * 0xC0-0xC4 carry their 5.0 names; the 3.4 names are in the descriptions.
 */
public enum CommandStatus {
    ESME_ROK(0x00000000, "No error"),
    ESME_RINVMSGLEN(0x00000001, "Message length is invalid"),
    ESME_RINVCMDLEN(0x00000002, "Command length is invalid"),
    ESME_RINVCMDID(0x00000003, "Invalid command ID"),
    ESME_RINVBNDSTS(0x00000004, "Incorrect bind status for given command"),
    ESME_RALYBND(0x00000005, "ESME already in bound state"),
    ESME_RINVPRTFLG(0x00000006, "Invalid priority flag"),
    ESME_RINVREGDLVFLG(0x00000007, "Invalid registered delivery flag"),
    ESME_RSYSERR(0x00000008, "System error"),
    ESME_RINVSRCADR(0x0000000A, "Invalid source address"),
    ESME_RINVDSTADR(0x0000000B, "Invalid destination address"),
    ESME_RINVMSGID(0x0000000C, "Message ID is invalid"),
    ESME_RBINDFAIL(0x0000000D, "Bind failed"),
    ESME_RINVPASWD(0x0000000E, "Invalid password"),
    ESME_RINVSYSID(0x0000000F, "Invalid system ID"),
    ESME_RCANCELFAIL(0x00000011, "Cancel SM failed"),
    ESME_RREPLACEFAIL(0x00000013, "Replace SM failed"),
    ESME_RMSGQFUL(0x00000014, "Message queue full"),
    ESME_RINVSERTYP(0x00000015, "Invalid service type"),
    ESME_RINVNUMDESTS(0x00000033, "Invalid number of destinations"),
    ESME_RINVDLNAME(0x00000034, "Invalid distribution list name"),
    ESME_RINVDESTFLAG(0x00000040, "Destination flag is invalid (submit_multi)"),
    ESME_RINVSUBREP(0x00000042, "Invalid 'submit with replace' request"),
    ESME_RINVESMCLASS(0x00000043, "Invalid esm_class field data"),
    ESME_RCNTSUBDL(0x00000044, "Cannot submit to distribution list"),
    ESME_RSUBMITFAIL(0x00000045, "submit_sm, data_sm or submit_multi failed"),
    ESME_RINVSRCTON(0x00000048, "Invalid source address TON"),
    ESME_RINVSRCNPI(0x00000049, "Invalid source address NPI"),
    ESME_RINVDSTTON(0x00000050, "Invalid destination address TON"),
    ESME_RINVDSTNPI(0x00000051, "Invalid destination address NPI"),
    ESME_RINVSYSTYP(0x00000053, "Invalid system_type field"),
    ESME_RINVREPFLAG(0x00000054, "Invalid replace_if_present flag"),
    ESME_RINVNUMMSGS(0x00000055, "Invalid number of messages"),
    ESME_RTHROTTLED(0x00000058, "Throttling error (ESME has exceeded allowed message limits)"),
    ESME_RINVSCHED(0x00000061, "Invalid scheduled delivery time"),
    ESME_RINVEXPIRY(0x00000062, "Invalid message validity period (expiry time)"),
    ESME_RINVDFTMSGID(0x00000063, "Predefined message is invalid or not found"),
    ESME_RX_T_APPN(0x00000064, "ESME receiver temporary application error"),
    ESME_RX_P_APPN(0x00000065, "ESME receiver permanent application error"),
    ESME_RX_R_APPN(0x00000066, "ESME receiver reject message error"),
    ESME_RQUERYFAIL(0x00000067, "query_sm request failed"),
    ESME_RINVTLVSTREAM(0x000000C0, "Error in the optional part of the PDU body (3.4: ESME_RINVOPTPARSTREAM)"),
    ESME_RTLVNOTALLWD(0x000000C1, "TLV not allowed (3.4: ESME_ROPTPARNOTALLWD)"),
    ESME_RINVTLVLEN(0x000000C2, "Invalid parameter length (3.4: ESME_RINVPARLEN)"),
    ESME_RMISSINGTLV(0x000000C3, "Expected TLV missing (3.4: ESME_RMISSINGOPTPARAM)"),
    ESME_RINVTLVVAL(0x000000C4, "Invalid TLV value (3.4: ESME_RINVOPTPARAMVAL)"),
    ESME_RDELIVERYFAILURE(0x000000FE, "Transaction delivery failure"),
    ESME_RUNKNOWNERR(0x000000FF, "Unknown error"),
    ESME_RSERTYPUNAUTH(0x00000100, "ESME not authorised to use specified service_type"),
    ESME_RPROHIBITED(0x00000101, "ESME prohibited from using specified operation"),
    ESME_RSERTYPUNAVAIL(0x00000102, "Specified service_type is unavailable"),
    ESME_RSERTYPDENIED(0x00000103, "Specified service_type is denied"),
    ESME_RINVDCS(0x00000104, "Invalid data coding scheme"),
    ESME_RINVSRCADDRSUBUNIT(0x00000105, "Source address subunit is invalid"),
    ESME_RINVDSTADDRSUBUNIT(0x00000106, "Destination address subunit is invalid"),
    ESME_RINVBCASTFREQINT(0x00000107, "Broadcast frequency interval is invalid"),
    ESME_RINVBCASTALIAS_NAME(0x00000108, "Broadcast alias name is invalid"),
    ESME_RINVBCASTAREAFMT(0x00000109, "Broadcast area format is invalid"),
    ESME_RINVNUMBCAST_AREAS(0x0000010A, "Number of broadcast areas is invalid"),
    ESME_RINVBCASTCNTTYPE(0x0000010B, "Broadcast content type is invalid"),
    ESME_RINVBCASTMSGCLASS(0x0000010C, "Broadcast message class is invalid"),
    ESME_RBCASTFAIL(0x0000010D, "broadcast_sm operation failed"),
    ESME_RBCASTQUERYFAIL(0x0000010E, "query_broadcast_sm operation failed"),
    ESME_RBCASTCANCELFAIL(0x0000010F, "cancel_broadcast_sm operation failed"),
    ESME_RINVBCAST_REP(0x00000110, "Number of repeated broadcasts is invalid"),
    ESME_RINVBCASTSRVGRP(0x00000111, "Broadcast service group is invalid"),
    ESME_RINVBCASTCHANIND(0x00000112, "Broadcast channel indicator is invalid");

    private final int value;
    private final String description;

    CommandStatus(int value, String description) {
        this.value = value;
        this.description = description;
    }

    public int value() {
        return value;
    }

    public String description() {
        return description;
    }

    /** The standard status for a wire value, or {@code null} for a vendor or unassigned code. */
    public static CommandStatus of(int value) {
        return switch (value) {
            case 0x00000000 -> ESME_ROK;
            case 0x00000001 -> ESME_RINVMSGLEN;
            case 0x00000002 -> ESME_RINVCMDLEN;
            case 0x00000003 -> ESME_RINVCMDID;
            case 0x00000004 -> ESME_RINVBNDSTS;
            case 0x00000005 -> ESME_RALYBND;
            case 0x00000006 -> ESME_RINVPRTFLG;
            case 0x00000007 -> ESME_RINVREGDLVFLG;
            case 0x00000008 -> ESME_RSYSERR;
            case 0x0000000A -> ESME_RINVSRCADR;
            case 0x0000000B -> ESME_RINVDSTADR;
            case 0x0000000C -> ESME_RINVMSGID;
            case 0x0000000D -> ESME_RBINDFAIL;
            case 0x0000000E -> ESME_RINVPASWD;
            case 0x0000000F -> ESME_RINVSYSID;
            case 0x00000011 -> ESME_RCANCELFAIL;
            case 0x00000013 -> ESME_RREPLACEFAIL;
            case 0x00000014 -> ESME_RMSGQFUL;
            case 0x00000015 -> ESME_RINVSERTYP;
            case 0x00000033 -> ESME_RINVNUMDESTS;
            case 0x00000034 -> ESME_RINVDLNAME;
            case 0x00000040 -> ESME_RINVDESTFLAG;
            case 0x00000042 -> ESME_RINVSUBREP;
            case 0x00000043 -> ESME_RINVESMCLASS;
            case 0x00000044 -> ESME_RCNTSUBDL;
            case 0x00000045 -> ESME_RSUBMITFAIL;
            case 0x00000048 -> ESME_RINVSRCTON;
            case 0x00000049 -> ESME_RINVSRCNPI;
            case 0x00000050 -> ESME_RINVDSTTON;
            case 0x00000051 -> ESME_RINVDSTNPI;
            case 0x00000053 -> ESME_RINVSYSTYP;
            case 0x00000054 -> ESME_RINVREPFLAG;
            case 0x00000055 -> ESME_RINVNUMMSGS;
            case 0x00000058 -> ESME_RTHROTTLED;
            case 0x00000061 -> ESME_RINVSCHED;
            case 0x00000062 -> ESME_RINVEXPIRY;
            case 0x00000063 -> ESME_RINVDFTMSGID;
            case 0x00000064 -> ESME_RX_T_APPN;
            case 0x00000065 -> ESME_RX_P_APPN;
            case 0x00000066 -> ESME_RX_R_APPN;
            case 0x00000067 -> ESME_RQUERYFAIL;
            case 0x000000C0 -> ESME_RINVTLVSTREAM;
            case 0x000000C1 -> ESME_RTLVNOTALLWD;
            case 0x000000C2 -> ESME_RINVTLVLEN;
            case 0x000000C3 -> ESME_RMISSINGTLV;
            case 0x000000C4 -> ESME_RINVTLVVAL;
            case 0x000000FE -> ESME_RDELIVERYFAILURE;
            case 0x000000FF -> ESME_RUNKNOWNERR;
            case 0x00000100 -> ESME_RSERTYPUNAUTH;
            case 0x00000101 -> ESME_RPROHIBITED;
            case 0x00000102 -> ESME_RSERTYPUNAVAIL;
            case 0x00000103 -> ESME_RSERTYPDENIED;
            case 0x00000104 -> ESME_RINVDCS;
            case 0x00000105 -> ESME_RINVSRCADDRSUBUNIT;
            case 0x00000106 -> ESME_RINVDSTADDRSUBUNIT;
            case 0x00000107 -> ESME_RINVBCASTFREQINT;
            case 0x00000108 -> ESME_RINVBCASTALIAS_NAME;
            case 0x00000109 -> ESME_RINVBCASTAREAFMT;
            case 0x0000010A -> ESME_RINVNUMBCAST_AREAS;
            case 0x0000010B -> ESME_RINVBCASTCNTTYPE;
            case 0x0000010C -> ESME_RINVBCASTMSGCLASS;
            case 0x0000010D -> ESME_RBCASTFAIL;
            case 0x0000010E -> ESME_RBCASTQUERYFAIL;
            case 0x0000010F -> ESME_RBCASTCANCELFAIL;
            case 0x00000110 -> ESME_RINVBCAST_REP;
            case 0x00000111 -> ESME_RINVBCASTSRVGRP;
            case 0x00000112 -> ESME_RINVBCASTCHANIND;
            default -> null;
        };
    }

    /** A name for any wire value: the standard name, or {@code 0x00000401} style hex for others. */
    public static String nameOf(int value) {
        CommandStatus known = of(value);
        return known != null ? known.name() : String.format("0x%08X", value);
    }

    /** A human description for any wire value, vendor-specific and unassigned codes included. */
    public static String describe(int value) {
        CommandStatus known = of(value);
        if (known != null) {
            return known.description;
        }
        if (value >= 0x400 && value <= 0x4FF) {
            return "SMSC vendor-specific error";
        }
        return "Reserved or unknown error";
    }
}
