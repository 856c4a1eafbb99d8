package se.socialfund.domain.shared;

import java.util.Arrays;
import java.util.Optional;

/** The roles of the people and clients who work through the system; the token's {@code groups} claim names them. */
public enum Role {
    /** Staff at a municipal office (kontor) who draft and submit their office's applications. */
    APPLICANT("applicant"),
    /** The office head (kontorschef): approves applications and owns the project. */
    OFFICE_HEAD("office-head"),
    /** The board's office (kommunstyrelsens kontor): runs periods, checks, decisions and the fund. */
    FUND_OFFICER("fund-officer"),
    /** The scientific council (vetenskapligt råd): comments, never decides. */
    SCIENTIFIC_ADVISOR("scientific-advisor"),
    /** The auditors (revisorer): read everything, change nothing. */
    AUDITOR("auditor"),
    /** The digital application form, a machine client that submits on behalf of offices. */
    FORM_INTEGRATION("form-integration");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    /** The roles of an office's own staff: they act only on their office's applications. */
    public boolean isOfficeRole() {
        return this == APPLICANT || this == OFFICE_HEAD;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(value)).findFirst();
    }
}
