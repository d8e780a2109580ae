using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Lookalikes;

/// <summary>
/// Looks like an exec format error (the engineer asks after moving checkout/fx-rates to the new Graviton nodes), but its
/// image is multi-arch: the arm64 node pulled the arm64 variant, and the pod runs, ready, logging as usual.
/// </summary>
internal sealed class ExecFormatErrorLookalikeGraviton : ICatalogueEntry
{
    public const string Name = "lookalike-graviton-multiarch";
    private const string PodName = "fx-rates-7d5b9c8f6-k3v8p";

    public SandboxScenario Seed(SeedContext context)
    {
        var node = GravitonNodes.Node(context, "10.0.52.36", 'b', "i-0b8c4d0e2f6a31725", ProdLandscape.PrivateSubnetB);
        var nodeName = node["metadata"]!["name"]!.GetValue<string>();
        var pod = new PodSpec("checkout", PodName, "fx-rates", EcsSeeds.Image(context, "fx-rates", "1.14.2"))
        {
            NodeName = nodeName,
            PodIp = "10.0.52.77",
            CreatedMinutesAgo = 50,
        }.Seed(context);
        KubeSeeds.Logs(context, pod, "fx-rates", false, "{\"level\":\"info\",\"msg\":\"rates refreshed\",\"pairs\":162,\"source\":\"ecb\"}");

        return new SandboxScenario(Name, null, $"pod checkout/{PodName} moved to the Graviton nodes: is it hit by exec format error?",
            $"Look-alike: fx-rates runs on Graviton node {nodeName} (arm64) with a multi-arch image; nothing refused its entrypoint.");
    }
}
