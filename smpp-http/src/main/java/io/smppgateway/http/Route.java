package io.smppgateway.http;

/** One endpoint the server answers: its method and path template, as the OpenAPI document lists it. */
public record Route(String method, String path) {
}
