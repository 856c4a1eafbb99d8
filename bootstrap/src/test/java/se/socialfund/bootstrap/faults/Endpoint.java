package se.socialfund.bootstrap.faults;

import io.restassured.specification.RequestSpecification;

/** Where a fault test's clients send their requests: one service process, or a load balancer in front of several. */
interface Endpoint {
    /** The full URL of a path on this endpoint. */
    String url(String path);

    /** A bearer token for a role at an office (office may be null) that the service behind this endpoint trusts. */
    String token(String role, String office);

    /** A request as a client sends it, with this token; request and response are held to the contract. */
    RequestSpecification as(String token);
}
