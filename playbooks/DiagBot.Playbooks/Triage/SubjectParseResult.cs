namespace DiagBot.Playbooks.Triage;

/// <summary>A parsed subject, or a one-line message saying what was wrong and what to type instead.</summary>
public sealed record SubjectParseResult(DiagnosisSubject? Subject, string? Error)
{
    public static SubjectParseResult Ok(DiagnosisSubject subject) => new(subject, null);

    public static SubjectParseResult Invalid(string error) => new(null, error);
}
