package se.socialfund.domain.application;

/** The four basic criteria (grundläggande kriterier) of the guideline: an intervention must meet all of them. */
public enum Criterion {
    /** Motverka utanförskap för individen. */
    COUNTERACTS_EXCLUSION,
    /** Minska kommunala kostnader på sikt eller dämpa kostnadsutvecklingen. */
    REDUCES_LONG_TERM_COSTS,
    /** Tillvarata nytänkande: new thinking, methods or ways of working are tried. */
    TRIES_NEW_METHODS,
    /** Främja samverkan mellan verksamheter. */
    PROMOTES_COLLABORATION
}
