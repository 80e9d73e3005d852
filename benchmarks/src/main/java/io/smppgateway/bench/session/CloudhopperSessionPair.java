package io.smppgateway.bench.session;

import com.cloudhopper.smpp.PduAsyncResponse;
import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.LoggingOptions;
import com.cloudhopper.smpp.type.SmppProcessingException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * cloudhopper-smpp 5.0.9: {@link DefaultSmppClient} sessions bound as transmitters to a
 * {@link DefaultSmppServer}, whose handler answers each submit_sm at once, both set up as the
 * library's examples do, PDU logging off. Submits go with {@code sendRequestPdu(pdu, timeout, false)}
 * (asynchronous; responses come to the session handler), the library's fastest way to send.
 */
final class CloudhopperSessionPair implements SessionPair {

    private static final long TIMEOUT_MILLIS = 30_000;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final DefaultSmppServer server;
    private final DefaultSmppClient client;
    private final List<SmppSession> binds = new ArrayList<>();

    CloudhopperSessionPair(int bindCount, int window) throws Exception {
        AtomicLong ids = new AtomicLong(0x10000000L);
        SmppServerConfiguration serverConfig = new SmppServerConfiguration();
        serverConfig.setHost("127.0.0.1");
        serverConfig.setPort(0);
        serverConfig.setSystemId("bench");
        serverConfig.setMaxConnectionSize(bindCount + 1);
        serverConfig.setDefaultWindowSize(window);
        serverConfig.setDefaultRequestExpiryTimeout(TIMEOUT_MILLIS);
        serverConfig.setJmxEnabled(false);
        server = new DefaultSmppServer(serverConfig, new SmppServerHandler() {
            @Override
            public void sessionBindRequested(Long sessionId, SmppSessionConfiguration config, BaseBind bind)
                    throws SmppProcessingException {
                config.setLoggingOptions(quiet());
                if (!LoadMessage.PASSWORD.equals(config.getPassword())) {
                    throw new SmppProcessingException(SmppConstants.STATUS_INVPASWD);
                }
            }

            @Override
            public void sessionCreated(Long sessionId, SmppServerSession session, BaseBindResp response) {
                session.serverReady(new DefaultSmppSessionHandler() {
                    @Override
                    public PduResponse firePduRequestReceived(PduRequest request) {
                        PduResponse response = request.createResponse();
                        if (response instanceof SubmitSmResp submitResp) {
                            submitResp.setMessageId(Long.toHexString(ids.incrementAndGet()));
                        }
                        return response;
                    }
                });
            }

            @Override
            public void sessionDestroyed(Long sessionId, SmppServerSession session) {
                session.destroy();
            }
        }, executor);
        server.start();

        client = new DefaultSmppClient(executor, bindCount);
        for (int i = 0; i < bindCount; i++) {
            SmppSessionConfiguration config = new SmppSessionConfiguration();
            config.setName("bench-" + i);
            config.setType(SmppBindType.TRANSMITTER);
            config.setHost("127.0.0.1");
            config.setPort(port(server));
            config.setSystemId(LoadMessage.SYSTEM_ID);
            config.setPassword(LoadMessage.PASSWORD);
            config.setInterfaceVersion(SmppConstants.VERSION_3_4);
            config.setWindowSize(window);
            config.setRequestExpiryTimeout(TIMEOUT_MILLIS);
            config.setLoggingOptions(quiet());
            binds.add(client.bind(config, new DefaultSmppSessionHandler() {
                @Override
                public void fireExpectedPduResponseReceived(PduAsyncResponse response) {
                    ((Answer) response.getRequest().getReferenceObject())
                            .answered(response.getResponse().getCommandStatus());
                }
            }));
        }
    }

    private static LoggingOptions quiet() {
        LoggingOptions options = new LoggingOptions();
        options.setLogPdu(false);
        options.setLogBytes(false);
        return options;
    }

    /** DefaultSmppServer keeps its listening channel to itself; port 0 needs its address. */
    private static int port(DefaultSmppServer server) throws ReflectiveOperationException {
        Field channel = DefaultSmppServer.class.getDeclaredField("serverChannel");
        channel.setAccessible(true);
        return ((InetSocketAddress) ((org.jboss.netty.channel.Channel) channel.get(server)).getLocalAddress()).getPort();
    }

    @Override
    public void submit(int bind, Answer answer) throws Exception {
        // A PDU is a mutable bean that the session numbers: one per send.
        SubmitSm submit = new SubmitSm();
        submit.setSourceAddress(new Address((byte) LoadMessage.SOURCE_TON, (byte) LoadMessage.SOURCE_NPI,
                LoadMessage.SOURCE));
        submit.setDestAddress(new Address((byte) LoadMessage.DESTINATION_TON, (byte) LoadMessage.DESTINATION_NPI,
                LoadMessage.DESTINATION));
        submit.setRegisteredDelivery((byte) LoadMessage.REGISTERED_DELIVERY);
        submit.setShortMessage(LoadMessage.TEXT);
        submit.setReferenceObject(answer);
        binds.get(bind).sendRequestPdu(submit, TIMEOUT_MILLIS, false);
    }

    @Override
    public void close() {
        for (SmppSession bind : binds) {
            bind.unbind(5_000);
            bind.destroy();
        }
        client.destroy();
        server.destroy();
        executor.shutdownNow();
    }
}
