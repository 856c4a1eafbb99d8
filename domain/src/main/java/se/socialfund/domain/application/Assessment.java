package se.socialfund.domain.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Beredning: the application's way to the board, from the criteria check to the board's decision (or its end on
 * the way: a failed criterion, a withdrawal). Every application has one; a granted application keeps it as its
 * record of how it was prepared.
 *
 * @param decision   the board's decision, either outcome, once taken
 * @param withdrawal the office's withdrawal, if it took the application back
 */
public record Assessment(CriteriaAssessment criteriaAssessment, List<CompletionRequest> completionRequests,
                         MunicipalPerspective municipalPerspective, BoardDecision decision, Withdrawal withdrawal) {
    public Assessment {
        completionRequests = completionRequests == null ? List.of() : List.copyOf(completionRequests);
    }

    static Assessment begun() {
        return new Assessment(null, List.of(), null, null, null);
    }

    Assessment assessed(CriteriaAssessment assessment) {
        return new Assessment(assessment, completionRequests, municipalPerspective, decision, withdrawal);
    }

    Assessment asked(CompletionRequest request) {
        List<CompletionRequest> all = new ArrayList<>(completionRequests);
        all.add(request);
        return new Assessment(criteriaAssessment, all, municipalPerspective, decision, withdrawal);
    }

    /** The completion request not yet answered: the last one, while its revision is due. */
    Optional<CompletionRequest> openRequest() {
        return completionRequests.isEmpty() ? Optional.empty()
                : Optional.of(completionRequests.get(completionRequests.size() - 1)).filter(CompletionRequest::isOpen);
    }

    Assessment answered(int revision) {
        List<CompletionRequest> all = new ArrayList<>(completionRequests);
        all.set(all.size() - 1, all.get(all.size() - 1).answeredBy(revision));
        return new Assessment(criteriaAssessment, all, municipalPerspective, decision, withdrawal);
    }

    Assessment withPerspective(MunicipalPerspective perspective) {
        return new Assessment(criteriaAssessment, completionRequests, perspective, decision, withdrawal);
    }

    Assessment decided(BoardDecision boardDecision) {
        return new Assessment(criteriaAssessment, completionRequests, municipalPerspective, boardDecision, withdrawal);
    }

    Assessment withdrawn(Withdrawal w) {
        return new Assessment(criteriaAssessment, completionRequests, municipalPerspective, decision, w);
    }
}
