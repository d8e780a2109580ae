using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>
/// A Deployment named apart from its app, with its own spec.selector and pod template labels (a canary beside its
/// stable track, a selector written with matchExpressions).
/// </summary>
internal sealed record DeploymentSelector(string Name, JsonObject Selector, JsonObject TemplateLabels);
