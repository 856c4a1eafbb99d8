package se.socialfund.adapters.rest.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import se.socialfund.adapters.rest.dto.MoneyDto;
import se.socialfund.application.port.in.board.BoardDecisionsUseCase;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.board.BoardMeeting;
import se.socialfund.domain.shared.Money;

/** The board's meeting: its request and answers. Only types are read here; the rules are the domain's. */
public final class BoardDtos {
    private BoardDtos() {
    }

    /** One application's decision: the version the board saw, granted (amount, conditions) or declined (reasons). */
    public record BoardDecisionItemDto(UUID applicationId, Long version, BoardDecision.Outcome outcome,
                                       MoneyDto grantedAmount, List<String> conditions, List<String> reasons) {
    }

    public record BoardDecisionsRequest(LocalDate meetingDate, String minutesParagraph,
                                        List<BoardDecisionItemDto> decisions) {
        public BoardMeeting.Draft toDraft() {
            List<BoardMeeting.Item> items = null;
            if (decisions != null && decisions.size() <= BoardMeeting.MAX_DECISIONS) {
                items = new ArrayList<>();
                for (int i = 0; i < decisions.size(); i++) {
                    BoardDecisionItemDto d = decisions.get(i);
                    items.add(d == null ? null : new BoardMeeting.Item(d.applicationId(), d.version(), d.outcome(),
                            MoneyDto.money(d.grantedAmount(), "/decisions/" + i + "/grantedAmount"), d.conditions(),
                            d.reasons()));
                }
            } else if (decisions != null) {
                items = java.util.Collections.nCopies(decisions.size(), null);
            }
            return new BoardMeeting.Draft(meetingDate, minutesParagraph, items);
        }
    }

    public record BoardDecisionLineDto(UUID applicationId, String registrationNumber, BoardDecision.Outcome outcome,
                                       MoneyDto grantedAmount, long version) {
    }

    public record BoardDecisionsDto(UUID periodId, LocalDate meetingDate, String minutesParagraph, Instant decidedAt,
                                    String decidedBy, List<BoardDecisionLineDto> decisions, MoneyDto grantedSum,
                                    MoneyDto availableAfter) {
        static BoardDecisionsDto of(BoardDecisionsUseCase.Receipt r) {
            return new BoardDecisionsDto(r.periodId(), r.meetingDate(), r.minutesParagraph(), r.decidedAt(),
                    r.decidedBy(), r.decisions().stream().map(l -> new BoardDecisionLineDto(l.applicationId(),
                            l.registrationNumber(), BoardDecision.Outcome.valueOf(l.outcome()),
                            l.grantedAmount() == null ? null : MoneyDto.of(Money.parse(l.grantedAmount(), "amount")),
                            l.version())).toList(),
                    MoneyDto.of(Money.parse(r.grantedSum(), "grantedSum")),
                    MoneyDto.of(Money.parse(r.availableAfter(), "availableAfter")));
        }
    }
}
