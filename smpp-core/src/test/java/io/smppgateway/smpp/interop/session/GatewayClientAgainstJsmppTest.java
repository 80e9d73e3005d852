package io.smppgateway.smpp.interop.session;

/** Our client side against jsmpp 3.0.1's SMPPServerSessionListener. */
class GatewayClientAgainstJsmppTest extends GatewayClientInteropContract {

    @Override
    protected ForeignSmsc startSmsc(String systemId, String password) throws Exception {
        return new JsmppSmsc(systemId, password);
    }
}
