package se.socialfund.application.port.out;

/** Who is making the current request; the identity adapter reads it from the verified token. */
public interface CurrentCaller {
    /** The signed-in caller; only called by use cases that require one (the REST layer has refused anonymous calls). */
    Caller current();
}
