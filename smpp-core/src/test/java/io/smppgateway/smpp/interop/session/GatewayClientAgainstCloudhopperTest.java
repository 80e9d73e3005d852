package io.smppgateway.smpp.interop.session;

/** Our client side against cloudhopper-smpp 5.0.9's DefaultSmppServer. */
class GatewayClientAgainstCloudhopperTest extends GatewayClientInteropContract {

    @Override
    protected ForeignSmsc startSmsc(String systemId, String password) throws Exception {
        return new CloudhopperSmsc(systemId, password);
    }
}
