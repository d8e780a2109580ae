namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>One API operation we call, with the IAM action that allows it (the deploy policy is checked against these).</summary>
internal sealed record AwsOperation(AwsService Service, string Name, string IamAction);
