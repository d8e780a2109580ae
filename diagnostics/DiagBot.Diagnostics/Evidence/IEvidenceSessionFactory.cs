namespace DiagBot.Diagnostics.Evidence;

/// <summary>Starts the evidence session of one diagnosis: a fresh cache and a fresh budget.</summary>
public interface IEvidenceSessionFactory
{
    IEvidenceSource StartSession();
}
