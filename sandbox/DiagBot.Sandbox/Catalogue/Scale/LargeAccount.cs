namespace DiagBot.Sandbox.Catalogue.Scale;

/// <summary>
/// The size of a real platform team's estate (issue 22), spread over three accounts: the sandbox's own account
/// holds the seeded incidents beside its share; the two others hold only the bulk. Generated deterministically.
/// </summary>
public static class LargeAccount
{
    public const int Clusters = 40;
    public const int Services = 2_000;
    public const int StoppedTasks = 20_000;
    public const int TargetGroups = 500;

    /// <summary>Every fourth service sits behind a load balancer: 2,000 / 4 = 500 target groups.</summary>
    internal const int LoadBalancedEvery = Services / TargetGroups;

    public static IReadOnlyList<string> OtherAccountIds { get; } = ["222233334444", "333344455555"];

    public const int ServicesPerCluster = Services / Clusters;
    public const int StoppedTasksPerService = StoppedTasks / Services;

    /// <summary>Which of the three accounts (0 is the sandbox's own) holds cluster i.</summary>
    internal static int AccountOf(int cluster) => cluster % 3;
}
