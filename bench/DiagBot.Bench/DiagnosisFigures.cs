namespace DiagBot.Bench;

/// <summary>One incident: the playbook it should reach, what the diagnosis found, calls asked and sent, mean time in L.</summary>
internal sealed record IncidentRow(string Name, int Expected, int? Found, string? Note, int Asked, int Sent, double ParallelL, double SequentialL);

internal sealed record DiagnosisFigures(IReadOnlyList<IncidentRow> Rows, IReadOnlyList<double> Parallel, IReadOnlyList<double> Sequential)
{
    public double P50 => Percentiles.Of(Parallel, 50);

    public double P95 => Percentiles.Of(Parallel, 95);

    public double SequentialP50 => Percentiles.Of(Sequential, 50);

    public double SequentialP95 => Percentiles.Of(Sequential, 95);

    public double SequentialOverParallelP95 => SequentialP95 / P95;

    public int ApiCallsMax => Rows.Max(row => row.Sent);
}
