package se.socialfund.domain.shared;

/** A commitment larger than what the fund has available; says how much is available. */
public final class FundExhausted extends DomainException {
    private final Money requested;
    private final Money available;

    public FundExhausted(Money requested, Money available) {
        super("the fund cannot commit " + requested.format() + " SEK: only " + available.format() + " SEK is available");
        this.requested = requested;
        this.available = available;
    }

    public Money requested() {
        return requested;
    }

    public Money available() {
        return available;
    }
}
