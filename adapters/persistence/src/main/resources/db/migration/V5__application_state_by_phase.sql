-- The application's state document, reshaped by phase (issue 12): the assessment (criteria, completions, the
-- municipality-wide perspective, the board's decision, a withdrawal), the investment a grant starts (the grant, its
-- project from the start, the money released, the closing decision) and the reviews. Rows stored before keep their
-- content; only its arrangement changes, and the document's schemaVersion goes from 1 to 2 (see Documents).
UPDATE application SET state = jsonb_strip_nulls(jsonb_build_object(
    'schemaVersion', 2,
    'assessment', jsonb_build_object(
        'criteriaAssessment', state -> 'criteriaAssessment',
        'completionRequests', COALESCE(state -> 'completionRequests', '[]'::jsonb),
        'municipalPerspective', state -> 'municipalPerspective',
        'decision', state -> 'boardDecision',
        'withdrawal', state -> 'withdrawal'),
    'reviews', COALESCE(state -> 'reviews', '[]'::jsonb),
    'investment', CASE WHEN state -> 'boardDecision' ->> 'outcome' = 'GRANTED' THEN jsonb_build_object(
        'grant', state -> 'boardDecision',
        'project', CASE WHEN jsonb_typeof(state -> 'projectStart') = 'object' THEN jsonb_build_object(
            'start', state -> 'projectStart',
            'costReports', COALESCE(state -> 'costReports', '[]'::jsonb),
            'followUp', state -> 'followUp',
            'evaluation', state -> 'evaluation',
            'termination', state -> 'termination',
            'repaymentPlan', state -> 'repaymentPlan') END,
        'released', COALESCE(state -> 'releasedAmount', '{"amount": 0.00}'::jsonb),
        'closing', state -> 'implementationDecision') END
))
WHERE (state ->> 'schemaVersion')::int = 1;
