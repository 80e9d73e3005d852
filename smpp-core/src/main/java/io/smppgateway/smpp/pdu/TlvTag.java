package io.smppgateway.smpp.pdu;

/**
 * The standard TLV tags of SMPP 3.4 and 5.0 (SMPP 5.0, section 4.8.4), each with its wire name and
 * the type of its value, so that logs and JSON show TLVs by name and typed accessors know how to
 * read them. A TLV whose tag is not listed here still decodes and encodes untouched, as raw octets.
 */
public enum TlvTag {
    DEST_ADDR_SUBUNIT(0x0005, "dest_addr_subunit", TlvType.INT8),
    DEST_NETWORK_TYPE(0x0006, "dest_network_type", TlvType.INT8),
    DEST_BEARER_TYPE(0x0007, "dest_bearer_type", TlvType.INT8),
    DEST_TELEMATICS_ID(0x0008, "dest_telematics_id", TlvType.INT16),
    SOURCE_ADDR_SUBUNIT(0x000D, "source_addr_subunit", TlvType.INT8),
    SOURCE_NETWORK_TYPE(0x000E, "source_network_type", TlvType.INT8),
    SOURCE_BEARER_TYPE(0x000F, "source_bearer_type", TlvType.INT8),
    SOURCE_TELEMATICS_ID(0x0010, "source_telematics_id", TlvType.INT8),
    QOS_TIME_TO_LIVE(0x0017, "qos_time_to_live", TlvType.INT32),
    PAYLOAD_TYPE(0x0019, "payload_type", TlvType.INT8),
    ADDITIONAL_STATUS_INFO_TEXT(0x001D, "additional_status_info_text", TlvType.CSTRING, 256),
    RECEIPTED_MESSAGE_ID(0x001E, "receipted_message_id", TlvType.CSTRING, 65),
    MS_MSG_WAIT_FACILITIES(0x0030, "ms_msg_wait_facilities", TlvType.INT8),
    PRIVACY_INDICATOR(0x0201, "privacy_indicator", TlvType.INT8),
    SOURCE_SUBADDRESS(0x0202, "source_subaddress", TlvType.OCTETS, 23),
    DEST_SUBADDRESS(0x0203, "dest_subaddress", TlvType.OCTETS, 23),
    USER_MESSAGE_REFERENCE(0x0204, "user_message_reference", TlvType.INT16),
    USER_RESPONSE_CODE(0x0205, "user_response_code", TlvType.INT8),
    SOURCE_PORT(0x020A, "source_port", TlvType.INT16),
    DESTINATION_PORT(0x020B, "destination_port", TlvType.INT16),
    SAR_MSG_REF_NUM(0x020C, "sar_msg_ref_num", TlvType.INT16),
    LANGUAGE_INDICATOR(0x020D, "language_indicator", TlvType.INT8),
    SAR_TOTAL_SEGMENTS(0x020E, "sar_total_segments", TlvType.INT8),
    SAR_SEGMENT_SEQNUM(0x020F, "sar_segment_seqnum", TlvType.INT8),
    SC_INTERFACE_VERSION(0x0210, "sc_interface_version", TlvType.INT8),
    CALLBACK_NUM_PRES_IND(0x0302, "callback_num_pres_ind", TlvType.INT8),
    CALLBACK_NUM_ATAG(0x0303, "callback_num_atag", TlvType.OCTETS, 65),
    NUMBER_OF_MESSAGES(0x0304, "number_of_messages", TlvType.INT8),
    CALLBACK_NUM(0x0381, "callback_num", TlvType.OCTETS, 19),
    DPF_RESULT(0x0420, "dpf_result", TlvType.INT8),
    SET_DPF(0x0421, "set_dpf", TlvType.INT8),
    MS_AVAILABILITY_STATUS(0x0422, "ms_availability_status", TlvType.INT8),
    NETWORK_ERROR_CODE(0x0423, "network_error_code", TlvType.OCTETS, 3),
    MESSAGE_PAYLOAD(0x0424, "message_payload", TlvType.OCTETS, 65535),
    DELIVERY_FAILURE_REASON(0x0425, "delivery_failure_reason", TlvType.INT8),
    MORE_MESSAGES_TO_SEND(0x0426, "more_messages_to_send", TlvType.INT8),
    MESSAGE_STATE(0x0427, "message_state", TlvType.INT8),
    CONGESTION_STATE(0x0428, "congestion_state", TlvType.INT8),
    USSD_SERVICE_OP(0x0501, "ussd_service_op", TlvType.INT8),
    BROADCAST_CHANNEL_INDICATOR(0x0600, "broadcast_channel_indicator", TlvType.INT8),
    BROADCAST_CONTENT_TYPE(0x0601, "broadcast_content_type", TlvType.OCTETS, 3),
    BROADCAST_CONTENT_TYPE_INFO(0x0602, "broadcast_content_type_info", TlvType.OCTETS, 255),
    BROADCAST_MESSAGE_CLASS(0x0603, "broadcast_message_class", TlvType.INT8),
    BROADCAST_REP_NUM(0x0604, "broadcast_rep_num", TlvType.INT16),
    BROADCAST_FREQUENCY_INTERVAL(0x0605, "broadcast_frequency_interval", TlvType.OCTETS, 3),
    BROADCAST_AREA_IDENTIFIER(0x0606, "broadcast_area_identifier", TlvType.OCTETS, 100),
    BROADCAST_ERROR_STATUS(0x0607, "broadcast_error_status", TlvType.INT32),
    BROADCAST_AREA_SUCCESS(0x0608, "broadcast_area_success", TlvType.INT8),
    BROADCAST_END_TIME(0x0609, "broadcast_end_time", TlvType.CSTRING, 17),
    BROADCAST_SERVICE_GROUP(0x060A, "broadcast_service_group", TlvType.OCTETS, 255),
    BILLING_IDENTIFICATION(0x060B, "billing_identification", TlvType.OCTETS, 1024),
    SOURCE_NETWORK_ID(0x060D, "source_network_id", TlvType.CSTRING, 65),
    DEST_NETWORK_ID(0x060E, "dest_network_id", TlvType.CSTRING, 65),
    SOURCE_NODE_ID(0x060F, "source_node_id", TlvType.OCTETS, 6),
    DEST_NODE_ID(0x0610, "dest_node_id", TlvType.OCTETS, 6),
    DEST_ADDR_NP_RESOLUTION(0x0611, "dest_addr_np_resolution", TlvType.INT8),
    DEST_ADDR_NP_INFORMATION(0x0612, "dest_addr_np_information", TlvType.OCTETS, 10),
    DEST_ADDR_NP_COUNTRY(0x0613, "dest_addr_np_country", TlvType.OCTETS, 5),
    DISPLAY_TIME(0x1201, "display_time", TlvType.INT8),
    SMS_SIGNAL(0x1203, "sms_signal", TlvType.INT16),
    MS_VALIDITY(0x1204, "ms_validity", TlvType.OCTETS, 4),
    ALERT_ON_MESSAGE_DELIVERY(0x130C, "alert_on_message_delivery", TlvType.OCTETS, 1),
    ITS_REPLY_TYPE(0x1380, "its_reply_type", TlvType.INT8),
    ITS_SESSION_INFO(0x1383, "its_session_info", TlvType.OCTETS, 2);

    private final int tag;
    private final String wireName;
    private final TlvType type;
    private final int maxLength;

    TlvTag(int tag, String wireName, TlvType type) {
        this(tag, wireName, type, type.fixedLength());
    }

    TlvTag(int tag, String wireName, TlvType type, int maxLength) {
        this.tag = tag;
        this.wireName = wireName;
        this.type = type;
        this.maxLength = maxLength;
    }

    public int tag() {
        return tag;
    }

    /** The name the specification gives it, e.g. {@code receipted_message_id}. */
    public String wireName() {
        return wireName;
    }

    public TlvType type() {
        return type;
    }

    /** The most octets its value may hold (for a C-octet string, the NUL included). */
    public int maxLength() {
        return maxLength;
    }

    /** The standard tag with this value, or {@code null} for a vendor or unknown tag. */
    public static TlvTag of(int tag) {
        return switch (tag) {
            case 0x0005 -> DEST_ADDR_SUBUNIT;
            case 0x0006 -> DEST_NETWORK_TYPE;
            case 0x0007 -> DEST_BEARER_TYPE;
            case 0x0008 -> DEST_TELEMATICS_ID;
            case 0x000D -> SOURCE_ADDR_SUBUNIT;
            case 0x000E -> SOURCE_NETWORK_TYPE;
            case 0x000F -> SOURCE_BEARER_TYPE;
            case 0x0010 -> SOURCE_TELEMATICS_ID;
            case 0x0017 -> QOS_TIME_TO_LIVE;
            case 0x0019 -> PAYLOAD_TYPE;
            case 0x001D -> ADDITIONAL_STATUS_INFO_TEXT;
            case 0x001E -> RECEIPTED_MESSAGE_ID;
            case 0x0030 -> MS_MSG_WAIT_FACILITIES;
            case 0x0201 -> PRIVACY_INDICATOR;
            case 0x0202 -> SOURCE_SUBADDRESS;
            case 0x0203 -> DEST_SUBADDRESS;
            case 0x0204 -> USER_MESSAGE_REFERENCE;
            case 0x0205 -> USER_RESPONSE_CODE;
            case 0x020A -> SOURCE_PORT;
            case 0x020B -> DESTINATION_PORT;
            case 0x020C -> SAR_MSG_REF_NUM;
            case 0x020D -> LANGUAGE_INDICATOR;
            case 0x020E -> SAR_TOTAL_SEGMENTS;
            case 0x020F -> SAR_SEGMENT_SEQNUM;
            case 0x0210 -> SC_INTERFACE_VERSION;
            case 0x0302 -> CALLBACK_NUM_PRES_IND;
            case 0x0303 -> CALLBACK_NUM_ATAG;
            case 0x0304 -> NUMBER_OF_MESSAGES;
            case 0x0381 -> CALLBACK_NUM;
            case 0x0420 -> DPF_RESULT;
            case 0x0421 -> SET_DPF;
            case 0x0422 -> MS_AVAILABILITY_STATUS;
            case 0x0423 -> NETWORK_ERROR_CODE;
            case 0x0424 -> MESSAGE_PAYLOAD;
            case 0x0425 -> DELIVERY_FAILURE_REASON;
            case 0x0426 -> MORE_MESSAGES_TO_SEND;
            case 0x0427 -> MESSAGE_STATE;
            case 0x0428 -> CONGESTION_STATE;
            case 0x0501 -> USSD_SERVICE_OP;
            case 0x0600 -> BROADCAST_CHANNEL_INDICATOR;
            case 0x0601 -> BROADCAST_CONTENT_TYPE;
            case 0x0602 -> BROADCAST_CONTENT_TYPE_INFO;
            case 0x0603 -> BROADCAST_MESSAGE_CLASS;
            case 0x0604 -> BROADCAST_REP_NUM;
            case 0x0605 -> BROADCAST_FREQUENCY_INTERVAL;
            case 0x0606 -> BROADCAST_AREA_IDENTIFIER;
            case 0x0607 -> BROADCAST_ERROR_STATUS;
            case 0x0608 -> BROADCAST_AREA_SUCCESS;
            case 0x0609 -> BROADCAST_END_TIME;
            case 0x060A -> BROADCAST_SERVICE_GROUP;
            case 0x060B -> BILLING_IDENTIFICATION;
            case 0x060D -> SOURCE_NETWORK_ID;
            case 0x060E -> DEST_NETWORK_ID;
            case 0x060F -> SOURCE_NODE_ID;
            case 0x0610 -> DEST_NODE_ID;
            case 0x0611 -> DEST_ADDR_NP_RESOLUTION;
            case 0x0612 -> DEST_ADDR_NP_INFORMATION;
            case 0x0613 -> DEST_ADDR_NP_COUNTRY;
            case 0x1201 -> DISPLAY_TIME;
            case 0x1203 -> SMS_SIGNAL;
            case 0x1204 -> MS_VALIDITY;
            case 0x130C -> ALERT_ON_MESSAGE_DELIVERY;
            case 0x1380 -> ITS_REPLY_TYPE;
            case 0x1383 -> ITS_SESSION_INFO;
            default -> null;
        };
    }
}
